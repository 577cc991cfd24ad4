/**
 * Domains that exercise IDNA (UTS #46) where implementations could differ: full-width and
 * upper-case forms, Japanese, German deviations, punycode typed as such, joiners, bidi, emoji,
 * symbols, long labels and delimiters. Shared by the Node test and the Chromium one, which compare
 * the browser's URL parser with Node's on the same list.
 */
export const EMAIL_DOMAIN_CORPUS: readonly string[] = [
  'example.jp', 'EXAMPLE.JP', 'ｅｘａｍｐｌｅ．ｊｐ', 'ドメイン.jp', 'ドメイン．ｊｐ', 'ﾄﾞﾒｲﾝ.jp', '日本語.jp', 'トヨタ.jp',
  'xn--eckwd4c7c.jp', 'XN--ECKWD4C7C.JP', 'xn--zz.jp', 'xn--.jp', 'xn--a.jp', 'bücher.de', 'BÜCHER.DE', 'faß.de', 'FASS.de',
  'straße.de', 'ς.gr', 'σ.gr', 'Σ.gr', 'a\u200db.com', 'a\u200cb.com', 'a\u00adb.com', 'مثال.إختبار', 'пример.рф', 'ПРИМЕР.РФ',
  '例え.テスト', '😀.com', '☃.net', 'ß.com', 'i̇.com', 'İ.com', 'ǅ.com', 'ﬁ.com', 'ℌ.com', '①.jp', '㍿.jp', 'ｱｲｳ.jp',
  'docomo.ne.jp', 'ezweb.ne.jp', 'softbank.ne.jp', 'i.softbank.jp', 'a-b.com', '-ab.com', 'ab-.com', 'a--b.com', 'ab--c.com',
  '1.com', '123.456', '127.0.0.1', '127.1', '0x7f.1', '[::1]', 'example.123', 'example.jp.', 'example..jp', '.example.jp',
  `${'a'.repeat(63)}.com`, `${'a'.repeat(64)}.com`, `${'ü'.repeat(40)}.com`, 'a_b.com', 'a*b.com', 'a~b.com', 'a!b.com',
  'a$b.com', 'a&b.com', 'a+b.com', 'a=b.com', 'a,b.com', 'a;b.com', 'a b.com', 'a\tb.com', 'a/b.com', 'a\\b.com', 'a?b.com',
  'a#b.com', 'a:b.com', 'a@b.com', 'a%62.com', 'a%zz.com', 'a|b.com', 'a^b.com', 'a<b.com', 'a"b.com', "a'b.com",
  '\u3002jp', 'example\u3002jp', 'example\uff0ejp', 'example\uff61jp', 'ＡＢＣ。ｊｐ', 'x\u0301.com', 'e\u0301.com', 'é.com',
  'ａ－ｂ.jp', '〜.jp', 'ー.jp', '・.jp', 'example.ｊｐ', 'm\u0308.de', '\u1100\u1161.kr', '한국.kr', '中国.cn', '中國.tw',
];

/** Deterministic pseudo-random domains over an alphabet of the characters above (Mulberry32). */
export function randomDomains(count: number, seed: number): string[] {
  const alphabet = [...'abcxyz019-.ｅＸ．ドメイン日本ßüςΣ\u200d\u00adﬁ①ｱﾞ%:/。-'];
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const domains: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const length = 1 + Math.floor(next() * 12);
    let label = '';
    for (let j = 0; j < length; j += 1) label += alphabet[Math.floor(next() * alphabet.length)];
    domains.push(`${label}.${next() < 0.5 ? 'jp' : 'com'}`);
  }
  return domains;
}
