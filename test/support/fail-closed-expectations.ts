import type { Express } from 'express';
import request from 'supertest';

/**
 * With the store unreachable, a check through the API and through the form answers 503 with
 * Retry-After and says the check could not be done: never "not affected", for a listed address or not.
 */
export async function expectChecksFailClosed(app: Express): Promise<void> {
  for (const email of ['taro.yamada@example.jp', 'not.listed@example.com']) {
    const api = await request(app).post('/api/v1/check').send({ email });
    expect(api.status).toBe(503);
    expect(api.body).toEqual({ error: { code: 'unavailable', message: expect.any(String) } });
    expect(api.headers['retry-after']).toBeDefined();
  }
  const page = await request(app).post('/check').type('form').send({ email: 'taro.yamada@example.jp', lang: 'en' });
  expect(page.status).toBe(503);
  expect(page.text).toContain('The check could not be done');
  expect(page.text).toContain('This is not a \u201cnot affected\u201d answer');
  expect(page.text).not.toContain('not in the lists we checked');
}
