import { errorResponse, type ApiPaths } from '../openapi';

/**
 * The admin API's gate (admin-gate.ts), mounted at /api/v1/admin: every admin operation in the
 * document needs its credential and may get its refusals, whichever feature describes it.
 */
export const adminGateApiPaths: ApiPaths = (registry) => {
  const security = registry.securityScheme('adminToken', {
    type: 'http',
    scheme: 'bearer',
    description:
      "An admin's own API token (xct_..., made on the admin console's API tokens page), or the break-glass ADMIN_API_TOKEN.",
  });
  registry.gate('/api/v1/admin/', {
    security,
    responses: {
      '401': errorResponse('unauthorized: missing, unknown or revoked token, or its owner is disabled'),
      '403': errorResponse("forbidden: the token's owner is not an admin"),
    },
  });
};
