import { ristretto255_oprf } from '@noble/curves/ed25519.js';
import request from 'supertest';
import { startTestService, type TestService } from '../support/test-app';

/*
 * Issue 15: every private query counts as one check for the budgets a check spends (per address,
 * per /64, global), and the two kinds of check share them. The memory store with the demo data,
 * three checks a minute per address.
 */
describe('the private check under the check budgets', () => {
  let service: TestService;
  let profileId: string;

  beforeAll(async () => {
    service = await startTestService({ store: 'memory', env: { RATE_LIMIT_PER_IP: '3' } });
    profileId = (await request(service.app).get('/api/v1/private-check')).body.profiles[0].id;
  });
  afterAll(async () => {
    await service.close();
  });

  const query = (id: string) => ({ profileId: id, bucket: 7, blindedElement: Buffer.from(ristretto255_oprf.oprf.blind(new Uint8Array(32)).blinded).toString('base64') });

  it('when a request holds two queries, then it spends two checks; the third is the last one answered, and a check after it is refused too', async () => {
    // The second query names no profile: refused, but its checks were spent before it was read.
    const two = await request(service.app).post('/api/v1/private-check').send({ queries: [query(profileId), query('hp-other')] });
    const third = await request(service.app).post('/api/v1/private-check').send({ queries: [query(profileId)] });
    const fourth = await request(service.app).post('/api/v1/private-check').send({ queries: [query(profileId)] });
    const serverSide = await request(service.app).post('/api/v1/check').send({ email: 'taro.yamada@example.jp' });

    expect(two.status).toBe(400);
    expect(third.status).toBe(200);
    expect(fourth.status).toBe(429);
    expect(fourth.body.error).toMatchObject({ code: 'rate_limited', scope: 'network' });
    expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
    expect(serverSide.status).toBe(429);
  });
});
