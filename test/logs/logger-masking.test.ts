import { Writable } from 'node:stream';
import { createLogger } from '../../src/logging/create-logger';
import { MASKED_ADDRESS, maskAddresses } from '../../src/logging/mask-addresses';

function capturedLogger(): { lines: () => string; logger: ReturnType<typeof createLogger> } {
  let text = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { lines: () => text, logger: createLogger({ level: 'trace', destination }) };
}

describe('the service logger', () => {
  it('when a line carries address-like strings anywhere, then each is masked and the rest kept', () => {
    const { logger, lines } = capturedLogger();

    logger.info({ email: 'taro.yamada@example.jp', nested: { note: 'from ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ' } }, 'checked kenji.sato+x@example.jp');
    logger.error({ err: new Error('lookup of hanako.suzuki@example.jp failed') }, 'request failed');
    logger.child({ who: 'yuki%40example.com' }).warn({ list: ['a.b@c.example'] }, 'child binding');
    logger.info({ headers: { authorization: 'Bearer secret-token' }, query: { q: 'x' }, body: { anything: 1 } }, 'known paths');

    const output = lines();
    for (const leak of ['taro.yamada', 'ｔａｒｏ', 'kenji.sato', 'hanako.suzuki', 'yuki', 'a.b@', 'secret-token', '"q"', 'anything']) {
      expect(output).not.toContain(leak);
    }
    expect(output).toContain(MASKED_ADDRESS);
    expect(output).toContain('lookup of [address] failed');
    expect(output).toContain('"level":50');
    expect(output.trim().split('\n')).toHaveLength(4);
  });

  it('when text holds no address, then masking leaves it alone (package paths included)', () => {
    const text = 'at Object.<anonymous> (node_modules/@noble/curves/abstract/oprf.js:12:3) route /api/v1/check';
    expect(maskAddresses(text)).toBe(text);
  });
});
