import request from 'supertest';
import { until } from '../support/eventually';
import { startTestService, type TestService } from '../support/test-app';
import { persistentRedis, type PersistentRedis } from './persistent-redis';

// "Server killed during a list upload" is test/lists/server-killed-mid-upload.process.test.ts.

const LISTED = 'taro.yamada@example.jp';
const LISTED_IN = 'porsche-japan-2018-catalog';

interface Answer {
  phase: 'before' | 'down' | 'after';
  email: string;
  status: number;
  body: { affected?: boolean; exposures?: { id: string }[]; checked?: { id: string }[]; error?: { code: string } };
}

/** Correct: the listed address found in its exposure; any other not found, with that list among those checked. */
function isCorrect({ email, status, body }: Answer): boolean {
  if (status !== 200) return false;
  const checked = (body.checked ?? []).map(({ id }) => id).includes(LISTED_IN);
  const found = (body.exposures ?? []).map(({ id }) => id).includes(LISTED_IN);
  return checked && (email === LISTED ? body.affected === true && found : body.affected === false && !found);
}

const isUnavailable = ({ status, body }: Answer) => status === 503 && body.error?.code === 'unavailable';

describe('when Redis crashes and restarts during a stream of checks', () => {
  let redis: PersistentRedis;
  let service: TestService;

  beforeAll(async () => {
    redis = await persistentRedis();
    service = await startTestService({ store: 'redis', seed: true, env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await service?.close();
    await redis?.dispose();
  });

  it('then every answer is a 503 or the correct one, and correct answers resume without restarting the app', async () => {
    const answers: Answer[] = [];
    let phase: Answer['phase'] = 'before';
    let streaming = true;
    const stream = async (worker: number) => {
      for (let n = 0; streaming; n += 1) {
        const email = n % 2 === 0 ? LISTED : `stream-${worker}-${n}@example.com`;
        const at = phase;
        const response = await request(service.app).post('/api/v1/check').send({ email });
        answers.push({ phase: at, email, status: response.status, body: response.body as Answer['body'] });
      }
    };
    const count = (predicate: (answer: Answer) => boolean) => answers.filter(predicate).length;
    const workers = [stream(1), stream(2)];
    try {
      await until('checks are answered', async () => (count(isCorrect) >= 6 ? true : undefined));
      await redis.crash();
      phase = 'down';
      await until('checks answer 503', async () => (count((answer) => answer.phase === 'down' && isUnavailable(answer)) >= 3 ? true : undefined));
      expect((await request(service.app).get('/readyz')).status).toBe(503);

      await redis.start();
      phase = 'after';
      await until('correct answers resume', async () =>
        count((answer) => answer.phase === 'after' && isCorrect(answer)) >= 6 ? true : undefined,
      15_000);
    } finally {
      streaming = false;
      await Promise.all(workers);
    }

    const wrong = answers.filter((answer) => !isCorrect(answer) && !isUnavailable(answer));
    expect(wrong).toEqual([]);
    expect(count((answer) => answer.phase === 'before' && isCorrect(answer))).toBeGreaterThan(0);
    expect(count((answer) => answer.phase === 'down' && isUnavailable(answer))).toBeGreaterThan(0);
    expect(count((answer) => answer.phase === 'after' && isCorrect(answer))).toBeGreaterThan(0);
    expect(count((answer) => answer.email === LISTED && isCorrect(answer))).toBeGreaterThan(0);
    expect((await request(service.app).get('/readyz')).status).toBe(200);
  });
});
