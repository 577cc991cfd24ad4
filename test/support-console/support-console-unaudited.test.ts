import type request from 'supertest';
import { newStaff, signedIn, type StaffTestService } from '../staff/staff-fixtures';
import { newTestRedis, type TestRedis } from '../support/test-redis';
import { inputValue, postCheck, startSeededStaffService } from './support-console-fixtures';

const LISTED = 'taro.yamada@example.jp';

describe('the support console when the audit log cannot be written', () => {
  let service: StaffTestService;
  let redis: TestRedis;
  let agent: request.Agent;

  beforeAll(async () => {
    service = await startSeededStaffService();
    redis = newTestRedis();
    agent = await signedIn(service.app, (await newStaff(service.runtime, 'support')).username);
    // The audit stream's key holds a string: XADD fails inside Redis, a real failure of the real store.
    await redis.set(`${service.config.redisKeyPrefix}audit:events`, 'not a stream');
  });
  afterAll(async () => {
    redis.disconnect();
    await service.close();
  });

  it('when a listed address is checked, then there is no answer: a calm 503 form, the ticket kept, no result, no address', async () => {
    const response = await postCheck(agent, { ticketRef: 'ZD-DOWN-1', email: LISTED });

    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('30');
    expect(response.text).toContain('The check could not be completed right now');
    expect(response.text).toContain('this does not mean &quot;not affected&quot;');
    expect(inputValue(response.text, 'ticketRef')).toBe('ZD-DOWN-1');
    expect(response.text).not.toContain(LISTED);
    expect(response.text).not.toContain('Catalog requests on the website');
  });

  it('when the same happens in Japanese, then the message is in Japanese', async () => {
    const response = await postCheck(agent, { ticketRef: 'ZD-DOWN-2', email: LISTED, lang: 'ja' });

    expect(response.status).toBe(503);
    expect(response.text).toContain('ただいま照会を完了できませんでした');
  });
});
