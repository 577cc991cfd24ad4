import { AppError } from '../../src/errors/app-error';
import { normalizeEmail } from '../../src/hashing/normalize-email';

function invalidCode(input: string): string | undefined {
  try {
    normalizeEmail(input);
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
}

describe('normalizeEmail (email-v1)', () => {
  it.each([
    ['when the address is already normal, then it is unchanged', 'taro.yamada@example.jp', 'taro.yamada@example.jp'],
    ['when typed in full-width characters, then NFKC turns it into ASCII', 'ＴＡＲＯ．ＹＡＭＡＤＡ＠ＥＸＡＭＰＬＥ．ＪＰ', 'taro.yamada@example.jp'],
    ['when surrounded by spaces (ideographic too), then they are trimmed', ' \u3000taro.yamada@example.jp\t ', 'taro.yamada@example.jp'],
    ['when in upper case, then all of it is lowercased', 'Taro.Yamada@Example.JP', 'taro.yamada@example.jp'],
    ['when the domain is internationalized, then it becomes punycode', 'taro@ドメイン.jp', 'taro@xn--eckwd4c7c.jp'],
    ['when the domain is an upper-case IDN, then it is lowercased before IDNA', 'TARO@BÜCHER.DE', 'taro@xn--bcher-kva.de'],
    ['when there is a plus tag, then it is kept (a list holds the address as given)', 'kenji.sato+porsche@example.jp', 'kenji.sato+porsche@example.jp'],
    ['when dots are doubled or trailing (old Japanese carrier addresses), then they are kept', 'taro..yamada.@docomo.ne.jp', 'taro..yamada.@docomo.ne.jp'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['no @', 'not-an-email'],
    ['two @', 'a@b@example.jp'],
    ['nothing before @', '@example.jp'],
    ['nothing after @', 'taro@'],
    ['a domain without a dot', 'taro@localhost'],
    ['a space inside', 'taro yamada@example.jp'],
    ['a control character', 'taro\u0000@example.jp'],
    ['an angle bracket', '<taro@example.jp>'],
    ['an IPv4 literal as domain', 'taro@192.168.0.1'],
    ['an empty domain label', 'taro@example..jp'],
    ['a domain with a trailing dot', 'taro@example.jp.'],
    ['a label starting with a hyphen', 'taro@-example.jp'],
    ['a local part over 64 characters', `${'a'.repeat(65)}@example.jp`],
  ])('when the input has %s, then it is invalid_email', (_name, input) => {
    expect(invalidCode(input)).toBe('invalid_email');
  });

  it('when the normalized address is longer than 254 characters, then it is invalid_email', () => {
    const label = 'a'.repeat(60);
    const longest = `${'b'.repeat(64)}@${label}.${label}.${label}.example.jp`;
    expect(longest.length).toBeGreaterThan(254);
    expect(invalidCode(longest)).toBe('invalid_email');
  });

  it('when exactly 254 characters long, then it is accepted', () => {
    const local = 'c'.repeat(64);
    const domain = `${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(254 - 64 - 1 - 63 - 1 - 63 - 1 - 3)}.jp`;
    const address = `${local}@${domain}`;
    expect(address.length).toBe(254);
    expect(normalizeEmail(address)).toBe(address);
  });

  it('when the input is invalid, then the message never repeats it', () => {
    const secret = 'very-private-local-part';
    try {
      normalizeEmail(`${secret}@@example.jp`);
      throw new Error('expected invalid_email');
    } catch (error) {
      expect((error as Error).message).not.toContain(secret);
      expect((error as AppError).status).toBe(400);
    }
  });
});
