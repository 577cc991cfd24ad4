import request from 'supertest';
import { startTestService, type TestService } from '../support/test-app';
import { deleteKeys, keysWithPrefix, newTestRedis, type TestRedis, uniquePrefix } from '../support/test-redis';

/*
 * What the check page carries for the browser's own check (issue 15): the rendered parts of every
 * result it can reach, public exposures only, and nothing at all when the store cannot be read, so
 * that the page falls back to the server's check, which fails closed. On Redis, with the demo data.
 */
describe('the check page\'s parts for the private check', () => {
  const prefix = uniquePrefix('private-page-parts');
  let service: TestService;
  let redis: TestRedis;

  beforeAll(async () => {
    service = await startTestService({ store: 'shared', prefix, seed: true });
    redis = newTestRedis();
  });
  afterAll(async () => {
    redis.disconnect();
    await service.close();
  });

  const template = (html: string) => /<template id="private-result"[\s\S]*?<\/template>/.exec(html)?.[0] ?? '';

  it('when the page is opened, then it holds a hit card for every listed public exposure, a hit verdict per count and the miss verdict', async () => {
    const page = await request(service.app).get('/?lang=en');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    const parts = template(page.text);
    const cards = [...parts.matchAll(/data-part="card" data-exposure-id="([^"]+)"/g)].map((match) => match[1]);
    expect(cards).toEqual(['porsche-japan-2018-catalog', 'porsche-japan-2018-promotion']);
    expect([...parts.matchAll(/data-part="found" data-count="(\d+)"/g)].map((match) => match[1])).toEqual(['1', '2']);
    expect(parts).toContain('data-part="not-found"');
    expect(parts).toContain('data-checked="porsche-japan-2018-catalog porsche-japan-2018-promotion"');
    expect(page.text).toContain('data-private-check');
  });

  it('when an exposure is made sensitive, then its card leaves the page', async () => {
    await service.runtime.catalog.admin.updateExposure('porsche-japan-2018-promotion', { sensitive: true });
    try {
      const page = await request(service.app).get('/?lang=en').set('cache-control', 'no-cache');
      const parts = template(page.text);
      expect(parts).not.toContain('porsche-japan-2018-promotion');
      expect(parts).toContain('data-checked="porsche-japan-2018-catalog"');
    } finally {
      await service.runtime.catalog.admin.updateExposure('porsche-japan-2018-promotion', { sensitive: false });
    }
  });

  it('when the store is wiped, then the page is the plain form alone and the parameters answer 503', async () => {
    const keys = await keysWithPrefix(redis, prefix);
    await deleteKeys(redis, keys);
    const page = await request(service.app).get('/?lang=en');
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('data-private-check');
    expect(page.text).not.toContain('<template');
    expect(page.text).not.toContain('<script');
    expect(page.text).toContain('<form method="post" action="/check"');
    const parameters = await request(service.app).get('/api/v1/private-check');
    expect(parameters.status).toBe(503);
    expect(parameters.body.error.code).toBe('unavailable');
  });
});
