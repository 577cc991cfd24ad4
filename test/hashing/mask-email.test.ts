import { domainToASCII } from 'node:url';
import { AppError } from '../../src/errors/app-error';
import { EMAIL_MASK, MAX_DOMAIN_LENGTH, WIDEST_MASKED_EMAIL, maskEmail } from '../../src/hashing/mask-email';
import { normalizeEmail } from '../../src/hashing/normalize-email';

/** What nunjucks' autoescape does to a value (the result pages escape the masked address so). */
function htmlEscaped(text: string): string {
  const escapes: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;' };
  return text.replace(/[&"'<>]/g, (char) => escapes[char] as string);
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** The longest label of `char` repeated whose ASCII form fits a label's 63 characters. */
function longestLabelOf(char: string): string {
  let label = char;
  while ((domainToASCII(`${label}${char}.jp`).split('.')[0] ?? '').length <= 63) label += char;
  return label;
}

describe('maskEmail', () => {
  it('has a mask of three bullets', () => {
    expect(EMAIL_MASK).toBe('•••');
  });

  it.each([
    ['when the address is ASCII, then the first character, the mask and the domain are shown', 'taro.yamada@example.jp', 't•••@example.jp'],
    ['when typed in full-width characters, then it is shown as the check normalized it', 'ＴＡＲＯ．ＹＡＭＡＤＡ＠ＥＸＡＭＰＬＥ．ＪＰ', 't•••@example.jp'],
    ['when in upper case and padded with spaces, then lowercased and trimmed', ' \u3000Hanako@Example.COM ', 'h•••@example.com'],
    ['when the domain is internationalized, then it is shown in Unicode, not punycode', 'taro@ドメイン.jp', 't•••@ドメイン.jp'],
    ['when an IDN domain is typed in upper case, then it is shown as normalized', 'Taro@BÜCHER.DE', 't•••@bücher.de'],
    ['when the IDN domain is typed as punycode, then it is shown in Unicode too', 'taro@xn--eckwd4c7c.jp', 't•••@ドメイン.jp'],
    ['when the local part is one character, then the mask is as long as ever', 'a@example.jp', 'a•••@example.jp'],
    ['when the first character is multi-byte, then it is kept whole', '山田太郎@example.jp', '山•••@example.jp'],
    ['when the first character is beyond the BMP, then both halves of its surrogate pair are kept', '𠮷野家@example.jp', '𠮷•••@example.jp'],
    ['when the first character is full-width, then it is shown as NFKC made it', 'Ａbc@example.jp', 'a•••@example.jp'],
  ])('%s', (_name, input, expected) => {
    expect(maskEmail(input)).toBe(expected);
  });

  it('when local parts differ only in length, then their masked forms are the same', () => {
    const masked = ['k@example.jp', 'ke@example.jp', 'kenji.sato+porsche@example.jp', `k${'x'.repeat(63)}@example.jp`].map(maskEmail);
    expect(new Set(masked)).toEqual(new Set(['k•••@example.jp']));
  });

  it('when an address is masked, then no more of its local part than the first character is in it', () => {
    const masked = maskEmail('taro.yamada@example.jp');
    expect(masked).not.toContain('taro');
    expect(masked).not.toContain('yamada');
    expect(masked.split('@')[0]).toBe(`t${EMAIL_MASK}`);
  });

  it('when the input is not an address, then it is invalid_email as for the check, and the message does not repeat it', () => {
    for (const input of ['', 'not-an-email', 'taro@localhost']) {
      let caught: unknown;
      try {
        maskEmail(input);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe('invalid_email');
      if (input !== '') expect((caught as AppError).message).not.toContain(input);
    }
  });

  describe('WIDEST_MASKED_EMAIL', () => {
    const longestAscii = (() => {
      const label = 'a'.repeat(63);
      // 64 + 1 + 189: the longest normalized address there is (254), with the longest domain it allows.
      return `${'b'.repeat(64)}@${label}.${label}.${'c'.repeat(58)}.jp`;
    })();
    const longestIdn = (() => {
      // Four-byte characters take the fewest punycode characters each when repeated: the most bytes per label.
      const label = longestLabelOf('𠀀');
      return `x@${label}.${label}.${label}.jp`;
    })();

    it('when the longest addresses there are are masked, then none is longer, in UTF-8 or escaped for HTML, than the stand-in', () => {
      const widest = bytes(htmlEscaped(WIDEST_MASKED_EMAIL));
      const cases = [longestAscii, longestIdn, `&${longestIdn.slice(1)}`, `'${longestIdn.slice(1)}`, `𠮷${longestIdn.slice(1)}`];
      for (const address of cases) {
        expect(normalizeEmail(address).length).toBeLessThanOrEqual(254);
        const masked = maskEmail(address);
        expect(bytes(masked)).toBeLessThanOrEqual(bytes(WIDEST_MASKED_EMAIL));
        expect(bytes(htmlEscaped(masked))).toBeLessThanOrEqual(widest);
        expect(bytes(JSON.stringify(masked))).toBeLessThanOrEqual(bytes(JSON.stringify(WIDEST_MASKED_EMAIL)));
      }
      expect(normalizeEmail(longestAscii)).toHaveLength(254);
    });

    it('when measured, then it allows a first character escaping to six bytes and a domain of 253 four-byte characters', () => {
      expect(MAX_DOMAIN_LENGTH).toBe(253);
      expect(bytes(htmlEscaped(WIDEST_MASKED_EMAIL))).toBe(6 + bytes(EMAIL_MASK) + 1 + 4 * 253);
    });
  });
});
