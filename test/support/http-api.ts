import { ADMIN_TOKEN, MINIMAL_EXPOSURE, MINIMAL_INCIDENT } from '../admin/admin-fixtures';

/**
 * The HTTP API of a server running as its own process (supertest drives an app in this process;
 * these go over the network like any client).
 */
export interface ApiAnswer {
  status: number;
  body: unknown;
}

export async function callApi(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  options: { admin?: boolean; json?: object } = {},
): Promise<ApiAnswer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.admin && { authorization: `Bearer ${ADMIN_TOKEN}` }),
      ...(options.json !== undefined && { 'content-type': 'application/json' }),
    },
    ...(options.json !== undefined && { body: JSON.stringify(options.json) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

async function created(answer: Promise<ApiAnswer>, what: string): Promise<string> {
  const { status, body } = await answer;
  if (status !== 201) throw new Error(`creating ${what} failed: ${status} ${JSON.stringify(body)}`);
  return (body as { id: string }).id;
}

/** A new incident with one (unpublished) exposure, made through the admin API; returns the exposure id. */
export async function createExposureOver(baseUrl: string): Promise<string> {
  const incidentId = await created(callApi(baseUrl, 'POST', '/api/v1/admin/incidents', { admin: true, json: MINIMAL_INCIDENT }), 'an incident');
  return created(
    callApi(baseUrl, 'POST', `/api/v1/admin/incidents/${incidentId}/exposures`, { admin: true, json: MINIMAL_EXPOSURE }),
    'an exposure',
  );
}

/** The ids of the exposures a public check of `email` finds. */
export async function exposuresAffecting(baseUrl: string, email: string): Promise<string[]> {
  const { status, body } = await callApi(baseUrl, 'POST', '/api/v1/check', { json: { email } });
  if (status !== 200) throw new Error(`the check answered ${status} ${JSON.stringify(body)}`);
  return (body as { exposures: { id: string }[] }).exposures.map((exposure) => exposure.id);
}
