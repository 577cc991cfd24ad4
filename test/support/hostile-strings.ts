import type { SeededRandom } from './seeded-random';

/** Named odd inputs: each is a kind of text that has broken parsers, normalizers or templates. */
export const ODD_STRINGS: Record<string, string> = {
  empty: '',
  nul: 'taro\u0000@example.jp',
  controls: '\u0001\u0002\u0007\b\t\n\r\u001b[31m@example.jp',
  rtlOverride: '\u202etaro@example.jp\u202c',
  zeroWidth: 'ta\u200bro@exa\u200dmple.jp\ufeff',
  loneHighSurrogate: 'taro\ud800@example.jp',
  loneLowSurrogate: '\udc00taro@example.jp',
  combining: 'ta\u0301\u0302\u0303ro@e\u0308xample.jp',
  emoji: '🙂👨‍👩‍👧‍👦@🍣.jp',
  fullWidthAt: 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ',
  fullWidthAtOnly: 'taro＠example.jp',
  longAscii: `${'a'.repeat(10_000)}@example.jp`,
  longDomain: `taro@${'a'.repeat(10_000)}.jp`,
  longUnicode: `${'あ'.repeat(10_000)}@例え.jp`,
  manyAts: '@'.repeat(5_000),
  manyDots: `taro@${'.'.repeat(5_000)}`,
  punycodeBad: 'taro@xn--.jp',
  punycodeBad2: 'taro@xn--zz-zzzzzzzzzzzzz.jp',
  idnaExpansion: `taro@${'ﷺ'.repeat(2_000)}.jp`,
  htmlish: '<script>alert(1)</script>@example.jp',
  templateish: '{{ 7*7 }}{% raw %}@example.jp',
  sqlish: "' OR 1=1 --@example.jp",
  pathish: '../../etc/passwd@example.jp',
  percent: '%00%2f%2e%2e@example.jp',
  objectKeys: '__proto__@constructor.prototype',
  whitespace: '\u3000\u00a0 \t taro@example.jp \u3000',
  bidiMix: 'تارو@مثال.jp',
  specials: '\uffff\ufffe\ufffd@example.jp',
};

const ALPHABET = [
  'a', 'z', '0', '.', '@', '-', '_', '+', ' ', '\u0000', '\u001f', '\u007f', '\u00a0', '\u0301', '\u200b', '\u202e',
  '\ud800', '\udfff', '＠', 'Ａ', '．', 'あ', '例', 'ß', 'İ', 'ﬁ', '🙂', '%', '&', '=', '"', '\\', '<', '>', '{', '}',
  '[', ']', 'xn--', '\n', '\r',
];

/** A random string: sometimes a named odd one, sometimes a plausible address, sometimes noise. */
export function randomText(random: SeededRandom): string {
  const roll = random.next();
  if (roll < 0.2) return random.pick(Object.values(ODD_STRINGS));
  if (roll < 0.45) return plausibleAddress(random);
  const length = random.chance(0.05) ? random.below(3000) : random.below(40);
  let text = '';
  for (let i = 0; i < length; i += 1) text += random.pick(ALPHABET);
  return text;
}

function plausibleAddress(random: SeededRandom): string {
  const part = (max: number) => {
    let text = '';
    const length = 1 + random.below(max);
    for (let i = 0; i < length; i += 1) text += random.pick(ALPHABET.slice(0, 8).concat(['b', 'c', 'x', '9']));
    return text;
  };
  return `${part(12)}@${part(10)}.${random.pick(['jp', 'com', 'co.jp', 'xn--wgv71a', 'テスト'])}`;
}
