import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../src/app';
import { until } from '../support/eventually';
import { startTestService, type TestService } from '../support/test-app';

// Rate limits off: this file makes more checks from one address than a person would.
const NO_RATE_LIMITS = { RATE_LIMIT_PER_IP: '0', RATE_LIMIT_PER_IPV6_64: '0', RATE_LIMIT_GLOBAL: '0' };
// The demo data: who is listed, and where.
const HITS: Record<string, string[]> = {
  'taro.yamada@example.jp': ['porsche-japan-2018-catalog'],
  'hanako.suzuki@example.jp': ['porsche-japan-2018-promotion'],
  'yuki.tanaka@example.com': ['porsche-japan-2018-catalog'],
};

/** Work of the test's own holding queue slots, released when the test says so. */
function holdSlot(service: TestService): { release: () => void; done: Promise<void> } {
  let release: () => void = () => undefined;
  // Made before queueing: a waiting holder can be released before its turn, and then ends at once.
  const released = new Promise<void>((resolve) => (release = resolve));
  const done = service.runtime.check.queue.run(() => released);
  return { release, done };
}

describe('load shedding with a tiny check queue (1 hash running, 1 waiting)', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({
      store: 'shared',
      seed: true,
      env: { ...NO_RATE_LIMITS, CHECK_MAX_RUNNING: '1', CHECK_MAX_WAITING: '1' },
    });
  });
  afterAll(async () => {
    await service.close();
  });

  const checkApi = (email: string) =>
    request(service.app)
      .post('/api/v1/check')
      .send({ email })
      .then((response) => response);
  const stats = () => service.runtime.check.queue.stats();

  it('when the queue is configured, then its limits are those of CHECK_MAX_RUNNING and CHECK_MAX_WAITING', () => {
    expect(stats()).toMatchObject({ maxRunning: 1, maxWaiting: 1, running: 0, waiting: 0 });
  });

  it('when checks arrive while the hash slot is busy, then one waits and is answered correctly, the rest are shed at once with 503 overloaded', async () => {
    const shedBefore = stats().shed;
    const busy = holdSlot(service);
    const emails = ['taro.yamada@example.jp', 'hanako.suzuki@example.jp', 'yuki.tanaka@example.com', 'taro.yamada@example.jp', 'hanako.suzuki@example.jp', 'yuki.tanaka@example.com'];

    const responses = emails.map(checkApi);
    // Shed checks answer while the slot is still held: refused at once, not after waiting.
    await until('five checks were shed and one waits', async () =>
      stats().shed - shedBefore === 5 && stats().waiting === 1 ? true : undefined,
    );
    busy.release();
    await busy.done;
    const answered = await Promise.all(responses);

    const accepted = answered.filter((response) => response.status === 200);
    const shed = answered.filter((response) => response.status === 503);
    expect(accepted).toHaveLength(1);
    expect(shed).toHaveLength(5);
    const acceptedIndex = answered.findIndex((response) => response.status === 200);
    expect(accepted[0]!.body.affected).toBe(true);
    expect(accepted[0]!.body.exposures.map((exposure: { id: string }) => exposure.id)).toEqual(HITS[emails[acceptedIndex]!]);
    for (const response of shed) {
      expect(response.body).toEqual({ error: { code: 'overloaded', message: expect.any(String) } });
      expect(response.headers['retry-after']).toBe('5');
      // A shed check says nothing about the address: no answer at all, certainly not "not affected".
      expect(response.body).not.toHaveProperty('affected');
    }
    expect(stats()).toMatchObject({ running: 0, waiting: 0 });
  });

  it('when the form is posted while the queue is full, then the localized "could not check" page says it is no answer, with Retry-After', async () => {
    const running = holdSlot(service);
    const waiting = holdSlot(service);
    try {
      const english = await request(service.app).post('/check').type('form').send({ email: 'taro.yamada@example.jp', lang: 'en' });
      expect(english.status).toBe(503);
      expect(english.headers['retry-after']).toBe('5');
      expect(english.text).toContain('The check could not be done');
      expect(english.text).toContain('This is not a \u201cnot affected\u201d answer');
      expect(english.text).not.toContain('not in the lists we checked');
      const japanese = await request(service.app).post('/check').type('form').send({ email: 'taro.yamada@example.jp', lang: 'ja' });
      expect(japanese.status).toBe(503);
      expect(japanese.text).toContain('確認できませんでした');
      expect(japanese.text).toContain('これは「流出していない」という意味ではありません。');
    } finally {
      running.release();
      waiting.release();
      await Promise.all([running.done, waiting.done]);
    }
  });

  it('when a check is shed, then its request log line is at info with the code overloaded, not an error', async () => {
    const lines: string[] = [];
    const app = createApp({ ...service.runtime, logger: pino({ level: 'info' }, { write: (line: string) => lines.push(line) }) });
    const running = holdSlot(service);
    const waiting = holdSlot(service);
    try {
      expect((await request(app).post('/api/v1/check').send({ email: 'taro.yamada@example.jp' })).status).toBe(503);
      expect((await request(app).post('/api/v1/check').send({ email: 'not-an-email' })).status).toBe(400);
    } finally {
      running.release();
      waiting.release();
      await Promise.all([running.done, waiting.done]);
    }

    const requests = lines.map((line) => JSON.parse(line)).filter((line) => line.route === '/api/v1/check');
    expect(requests.map(({ level, statusCode, errorCode }) => ({ level, statusCode, errorCode }))).toEqual([
      { level: 30, statusCode: 503, errorCode: 'overloaded' },
      { level: 30, statusCode: 400, errorCode: 'invalid_email' },
    ]);
    expect(lines.filter((line) => JSON.parse(line).level >= 50)).toEqual([]);
  });

  it('when invalid input arrives while the queue is full, then it is still 400 invalid_email: nothing to hash, nothing shed', async () => {
    const running = holdSlot(service);
    const waiting = holdSlot(service);
    const shedBefore = stats().shed;
    try {
      const response = await checkApi('not-an-email');
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid_email');
      expect(stats().shed).toBe(shedBefore);
    } finally {
      running.release();
      waiting.release();
      await Promise.all([running.done, waiting.done]);
    }
  });

  it('when checks stay within capacity, one after another or two at once, then none is shed and every answer is right', async () => {
    const shedBefore = stats().shed;
    const finishedBefore = stats().finished;

    const sequential = [];
    for (const email of ['taro.yamada@example.jp', 'nobody.here@example.com', 'hanako.suzuki@example.jp']) {
      sequential.push(await checkApi(email));
    }
    // Two at once: one runs, one waits; the queue holds both.
    const together = await Promise.all([checkApi('yuki.tanaka@example.com'), checkApi('somebody.else@example.com')]);

    expect([...sequential, ...together].map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect([...sequential, ...together].map((response) => response.body.affected)).toEqual([true, false, true, true, false]);
    expect(stats().shed).toBe(shedBefore);
    expect(stats().finished - finishedBefore).toBe(5);
  });

  it('when many listed addresses are checked at once, then each answer is "affected" or 503 overloaded, never "not affected"', async () => {
    const shedBefore = stats().shed;
    const emails = Array.from({ length: 8 }, (_, index) => Object.keys(HITS)[index % 3]!);

    const answered = await Promise.all(emails.map(checkApi));

    const shed = answered.filter((response) => response.status === 503);
    for (const response of answered) {
      if (response.status === 503) expect(response.body.error.code).toBe('overloaded');
      else expect([response.status, response.body.affected]).toEqual([200, true]);
    }
    expect(stats().shed - shedBefore).toBe(shed.length);
    expect(stats()).toMatchObject({ running: 0, waiting: 0 });
  });
});
