import { parseTrustProxy } from '../../src/abuse/trust-proxy';
import { loadConfig } from '../../src/config/config';
import { ConfigError } from '../../src/errors/config-error';

describe('TRUST_PROXY', () => {
  it('when unset, then no proxy is trusted and req.ip is the socket peer', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
  });

  it.each([
    ['false', false],
    ['0', false],
    ['1', 1],
    [' 2 ', 2],
    ['loopback', ['loopback']],
    ['10.0.0.0/8, 192.0.2.1,2001:db8::/32,uniquelocal', ['10.0.0.0/8', '192.0.2.1', '2001:db8::/32', 'uniquelocal']],
  ])('when it is %p, then Express gets %p', (text, expected) => {
    expect(parseTrustProxy(text)).toEqual(expected);
  });

  it.each([
    ['true', /must not be "true"/],
    ['11', /at most 10/],
    ['10.0.0.0/33', /"10.0.0.0\/33"/],
    ['proxy.example.com', /"proxy.example.com"/],
    ['10.0.0.1,,10.0.0.2', /"" which|"", which/],
    ['2001:db8::/129', /"2001:db8::\/129"/],
  ])('when it is %p, then the configuration is refused naming TRUST_PROXY', (text, message) => {
    expect(() => loadConfig({ TRUST_PROXY: text })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: text })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: text })).toThrow(message);
  });
});

describe('check rate limit settings', () => {
  it('when unset, then 10 per IP, 30 per IPv6 /64 and 3000 for the deployment, per minute', () => {
    expect(loadConfig({}).checkRateLimits).toEqual({ perIp: 10, perIpv6Network: 30, global: 3000 });
  });

  it('when set, then they are used, and 0 is allowed (that budget off)', () => {
    const config = loadConfig({ RATE_LIMIT_PER_IP: '5', RATE_LIMIT_PER_IPV6_64: '0', RATE_LIMIT_GLOBAL: '12000' });
    expect(config.checkRateLimits).toEqual({ perIp: 5, perIpv6Network: 0, global: 12000 });
  });

  it.each(['RATE_LIMIT_PER_IP', 'RATE_LIMIT_PER_IPV6_64', 'RATE_LIMIT_GLOBAL'])(
    'when %s is not a whole number, then the configuration is refused naming it',
    (name) => {
      expect(() => loadConfig({ [name]: 'ten' })).toThrow(new RegExp(`${name} must be a whole number`));
      expect(() => loadConfig({ [name]: '-1' })).toThrow(new RegExp(name));
    },
  );
});
