import { loadConfig } from '../../src/config/config';
import { configErrorOf as errorOf } from '../support/config-error';
import { hexKey } from '../support/test-app';

const WITH_REDIS = { REDIS_URL: 'redis://localhost:6379', OPRF_SECRET_KEY: hexKey() };

/** Where the server listens, and how long a request may take to arrive. */
describe('configuration of the listening server', () => {
  it('when demo mode (no REDIS_URL) has no HOST, then it listens on 127.0.0.1 only', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
  });

  it('when REDIS_URL is set without HOST, then it listens on every interface (no host given to listen)', () => {
    expect(loadConfig(WITH_REDIS).host).toBeUndefined();
  });

  it.each([
    ['demo mode', '0.0.0.0', {}, '0.0.0.0'],
    ['demo mode', '::', {}, '::'],
    ['demo mode', ' ::1 ', {}, '::1'],
    ['demo mode', 'localhost', {}, 'localhost'],
    ['Redis', '10.1.2.3', WITH_REDIS, '10.1.2.3'],
    ['Redis', '127.0.0.1', WITH_REDIS, '127.0.0.1'],
  ])('when %s is given HOST "%s", then it listens on what HOST says', (_mode, given, env, host) => {
    expect(loadConfig({ ...env, HOST: given }).host).toBe(host);
  });

  it.each(['check.example.jp', '300.1.1.1', '0.0.0.0:3000', 'http://0.0.0.0', '*'])(
    'when HOST is %s, then start stops with a message naming HOST',
    (host) => {
      expect(errorOf({ HOST: host })).toMatch(/HOST must be an IP address to listen on/);
    },
  );

  it('when no timeouts are set, then a request must arrive within 20 s and an upload may be silent 30 s', () => {
    expect(loadConfig({})).toMatchObject({ requestTimeoutMs: 20_000, listUploadIdleMs: 30_000 });
  });

  it('when the timeouts are set, then they are used, in seconds', () => {
    expect(loadConfig({ REQUEST_TIMEOUT_SECONDS: '5', LIST_UPLOAD_IDLE_SECONDS: '90' })).toMatchObject({
      requestTimeoutMs: 5_000,
      listUploadIdleMs: 90_000,
    });
  });

  it.each([
    [{ REQUEST_TIMEOUT_SECONDS: '0' }, /REQUEST_TIMEOUT_SECONDS must be at least 1/],
    [{ REQUEST_TIMEOUT_SECONDS: 'soon' }, /REQUEST_TIMEOUT_SECONDS must be a whole number/],
    [{ LIST_UPLOAD_IDLE_SECONDS: '0' }, /LIST_UPLOAD_IDLE_SECONDS must be at least 1/],
  ])('when given %j, then start stops with a message naming the variable', (env, expected) => {
    expect(errorOf(env)).toMatch(expected);
  });
});
