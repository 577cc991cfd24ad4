import type { Express } from 'express';
import request from 'supertest';

/** 40 characters: ADMIN_API_TOKEN must be at least 32. */
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdefghijklmn';

/** Cheap argon2 costs for a new test store: these tests are about the catalogue, not hashing. */
export const FAST_ARGON2 = { ARGON2_MEMORY_KIB: '8192', ARGON2_ITERATIONS: '1' };

export const ID_PATTERN = /^[a-z0-9-]+$/;

/** Requests to the admin API with the right token. */
export function admin(app: Express) {
  const auth = <T extends request.Test>(test: T): T => test.set('Authorization', `Bearer ${ADMIN_TOKEN}`);
  return {
    get: (path: string) => auth(request(app).get(path)),
    post: (path: string, body?: object) => {
      const test = auth(request(app).post(path));
      return body === undefined ? test : test.send(body);
    },
    patch: (path: string, body: object) => auth(request(app).patch(path)).send(body),
    delete: (path: string) => auth(request(app).delete(path)),
  };
}

export const MINIMAL_INCIDENT = { organization: 'Example Motors', title: 'Website server breach' };

export const MINIMAL_EXPOSURE = { title: 'Newsletter sign-ups', dataExposed: ['email_address'] };

export async function createIncident(app: Express, body: object = MINIMAL_INCIDENT): Promise<string> {
  const response = await admin(app).post('/api/v1/admin/incidents', body);
  if (response.status !== 201) throw new Error(`creating an incident failed: ${response.status} ${response.text}`);
  return (response.body as { id: string }).id;
}

export async function createExposure(app: Express, incidentId: string, body: object = MINIMAL_EXPOSURE): Promise<string> {
  const response = await admin(app).post(`/api/v1/admin/incidents/${incidentId}/exposures`, body);
  if (response.status !== 201) throw new Error(`creating an exposure failed: ${response.status} ${response.text}`);
  return (response.body as { id: string }).id;
}
