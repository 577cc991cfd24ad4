import request from 'supertest';
import { CHECK_OUTCOMES } from '../../src/metrics/check-outcome';
import { addressForms, findForms } from '../logs/log-search';
import { startTestService, type TestService } from '../support/test-app';

const METRICS_TOKEN = 'metrics-token-0123456789abcdefghijklmnop';
const HITS = ['taro.yamada@example.jp', 'ｔａｒｏ．ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ', 'hanako.suzuki@example.jp'];
const MISSES = ['metrics.miss@example.com', 'yoshiko.notlisted@example.jp'];
const INVALID = 'metrics-invalid-input';

/** Every label value in a Prometheus text exposition, by label name. */
function labelValues(text: string): Map<string, Set<string>> {
  const values = new Map<string, Set<string>>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const labels = /\{(.*)\}/.exec(line)?.[1];
    if (labels === undefined) continue;
    for (const [, name, value] of labels.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      if (!values.has(name as string)) values.set(name as string, new Set());
      values.get(name as string)?.add(value as string);
    }
  }
  return values;
}

function sample(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  if (line === undefined) throw new Error(`no sample ${series} in:\n${text}`);
  return Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ store: 'shared', seed: true, env: { METRICS_TOKEN } });
  });
  afterAll(() => service.close());

  const scrape = () => request(service.app).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);

  it('when scraped without the token or with another one, then it answers 401 and shows nothing', async () => {
    const without = await request(service.app).get('/metrics');
    const wrong = await request(service.app).get('/metrics').set('Authorization', 'Bearer not-the-metrics-token-at-all-0000');
    for (const response of [without, wrong]) {
      expect(response.status).toBe(401);
      expect(response.text).not.toContain('exposure_check_');
    }
  });

  it('when no METRICS_TOKEN is configured, then /metrics is closed', async () => {
    const closed = await startTestService({ store: 'shared' });
    try {
      const response = await request(closed.app).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
      expect(response.status).toBe(401);
    } finally {
      await closed.close();
    }
  });

  it('when hits, misses and invalid checks were made, then they are counted by outcome and timed', async () => {
    for (const email of HITS) expect((await request(service.app).post('/api/v1/check').send({ email })).body.affected).toBe(true);
    for (const email of MISSES) {
      expect((await request(service.app).post('/check').type('form').send({ email, lang: 'en' })).status).toBe(200);
    }
    expect((await request(service.app).post('/api/v1/check').send({ email: INVALID })).status).toBe(400);

    const response = await scrape();

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const text = response.text;
    expect(sample(text, 'exposure_check_checks_total{outcome="affected"}')).toBe(HITS.length);
    expect(sample(text, 'exposure_check_checks_total{outcome="not_affected"}')).toBe(MISSES.length);
    expect(sample(text, 'exposure_check_checks_total{outcome="invalid"}')).toBe(1);
    expect(sample(text, 'exposure_check_checks_total{outcome="unavailable"}')).toBe(0);
    expect(sample(text, 'exposure_check_check_duration_seconds_count')).toBe(HITS.length + MISSES.length);
    for (const series of ['exposure_check_check_queue_running', 'exposure_check_check_queue_waiting', 'exposure_check_check_queue_shed_total', 'exposure_check_rate_limited_total']) {
      expect(sample(text, series)).toBe(0);
    }
  });

  it('when the list service loads a list, then rows and finished imports are counted', async () => {
    const before = await scrape();
    const rows = [new Uint8Array(32).fill(1), new Uint8Array(32).fill(2), new Uint8Array(32).fill(1)];
    await service.runtime.lists.service.replaceList('metrics-exposure', service.runtime.hashing.profile, [rows.slice(0, 2), rows.slice(2)]);

    const after = (await scrape()).text;

    expect(sample(after, 'exposure_check_list_import_rows_total') - sample(before.text, 'exposure_check_list_import_rows_total')).toBe(3);
    expect(sample(after, 'exposure_check_list_imports_total{outcome="live"}')).toBe(sample(before.text, 'exposure_check_list_imports_total{outcome="live"}') + 1);
    expect(sample(after, 'exposure_check_list_imports_in_progress')).toBe(0);
  });

  it('when scraped after checks, then no address appears and every label value is one of a fixed set', async () => {
    const text = (await scrape()).text;

    expect(findForms(text, addressForms([...HITS, ...MISSES, INVALID]))).toEqual([]);
    const labels = labelValues(text);
    expect([...labels.keys()].sort()).toEqual(['le', 'outcome']);
    for (const outcome of labels.get('outcome') ?? []) expect([...CHECK_OUTCOMES, 'live', 'failed']).toContain(outcome);
    for (const bound of labels.get('le') ?? []) expect(bound).toMatch(/^(\d+(\.\d+)?|\+Inf)$/);
    // Positive control: the same search finds an address planted in the text.
    expect(findForms(`${text}\nx{outcome="${MISSES[0]}"} 1`, addressForms(MISSES))).toContain(MISSES[0]);
  });
});
