import { domainToASCII, domainToUnicode } from 'node:url';
import { maskAddress, normalizeEmailV1, unicodeDomainOf } from '../../src/email';
import { EMAIL_DOMAIN_CORPUS, randomDomains } from './domain-corpus';

/*
 * email-v1 is written once for the server and the browser (src/email), with the WHATWG URL parser
 * for IDNA instead of node:url. These prove the change kept every answer the server gave before:
 * on every domain where the previous implementation (domainToASCII and the same label rules)
 * accepted, the new one gives the same ASCII form, and it refuses only what it refuses on purpose.
 */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The previous implementation's domain step, kept here as the reference. */
function previousDomain(domain: string): string | undefined {
  const ascii = domain.endsWith('.') ? '' : domainToASCII(domain);
  const labels = ascii.split('.');
  const ok = ascii !== '' && labels.length >= 2 && labels.every((label) => LABEL.test(label)) && /[a-z]/.test(labels[labels.length - 1] ?? '');
  return ok ? ascii : undefined;
}

function domainOf(input: string): string | undefined {
  const result = normalizeEmailV1(`taro@${input}`);
  return result.ok ? result.normalized.slice('taro@'.length) : undefined;
}

// Refused on purpose: a URL parser reads them as the end of the host or as an escape, or drops
// them silently (a tab or newline inside a host).
const REFUSED_ON_PURPOSE = /[\s\p{Cc}/\\?#:@%]/u;

describe('email-v1 normalization, shared with the browser', () => {
  const domains = [...EMAIL_DOMAIN_CORPUS, ...randomDomains(3000, 15)];

  it('when a domain is accepted by both implementations, then both give the same ASCII form', () => {
    let compared = 0;
    for (const domain of domains) {
      const folded = domain.normalize('NFKC').trim().toLowerCase();
      const before = previousDomain(folded);
      const now = domainOf(domain);
      if (before !== undefined && now !== undefined) {
        compared += 1;
        expect({ domain, now }).toEqual({ domain, now: before });
      }
    }
    // The corpus is built so that most of it is comparable: a corpus of rejects would prove nothing.
    expect(compared).toBeGreaterThan(1000);
  });

  it('when the two differ on accepting a domain, then only the new one refuses, and only for what a URL parser would read otherwise', () => {
    for (const domain of domains) {
      const folded = domain.normalize('NFKC').trim().toLowerCase();
      const before = previousDomain(folded);
      const now = domainOf(domain);
      if (now !== undefined) expect({ domain, before }).toEqual({ domain, before: now });
      if (before !== undefined && now === undefined) expect({ domain, delimiter: REFUSED_ON_PURPOSE.test(folded) }).toEqual({ domain, delimiter: true });
    }
  });

  it.each([
    ['a path', 'example.jp/x'],
    ['a query', 'example.jp?x'],
    ['a port', 'example.jp:25'],
    ['a percent escape that would spell another name', 'ex%61mple.jp'],
    ['a user part', 'x@example.jp'],
  ])('when the domain holds %s, then the address is refused rather than read as another', (_name, domain) => {
    expect(normalizeEmailV1(`taro@${domain}`)).toEqual({ ok: false, problem: expect.any(String) });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['taro', 'not_an_address'],
    ['a@b@example.jp', 'not_an_address'],
    ['taro yamada@example.jp', 'local_part'],
    ['taro@example..jp', 'domain'],
    [`${'b'.repeat(64)}@${'a'.repeat(60)}.${'a'.repeat(60)}.${'a'.repeat(60)}.example.jp`, 'too_long'],
  ])('when the input is %j, then the problem is %s', (input, problem) => {
    expect(normalizeEmailV1(input)).toEqual({ ok: false, problem });
  });

  it('when an address is masked, then the first code point, the mask and the domain in Unicode remain', () => {
    expect(maskAddress('𠮷野@example.jp')).toBe('𠮷•••@example.jp');
    expect(maskAddress('taro@xn--eckwd4c7c.jp')).toBe('t•••@ドメイン.jp');
  });

  it('when a normalized domain is read back in Unicode, then it is what node:url\'s ToUnicode gives', () => {
    let compared = 0;
    for (const domain of domains) {
      const result = normalizeEmailV1(`taro@${domain}`);
      if (!result.ok) continue;
      const ascii = result.normalized.slice('taro@'.length);
      compared += 1;
      expect({ ascii, unicode: unicodeDomainOf(ascii) }).toEqual({ ascii, unicode: domainToUnicode(ascii) });
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
