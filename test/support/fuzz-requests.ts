import type { SeededRandom } from './seeded-random';
import { randomText } from './hostile-strings';

/** One generated request to a public endpoint, printable so a failure can be read and replayed. */
export interface FuzzRequest {
  method: 'GET' | 'POST';
  path: string;
  contentType?: string;
  body?: string;
}

/** Percent-encodes UTF-8 bytes (a lone surrogate becomes U+FFFD's bytes, as a browser sends it). */
function formEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => (/[A-Za-z0-9*\-._]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

// Raw pieces a hand-written or broken client sends: truncated UTF-8, bad escapes, array syntax.
const RAW_QUERY_PIECES = ['%', '%E3%81', '%ZZ', '%00', '%C0%AF', '+', '&&', '==', '[]', '[a]', '%5B%5D', ';', '#'];

function randomPairs(random: SeededRandom, keys: readonly string[]): string {
  const pairs: string[] = [];
  const count = random.below(4) + (random.chance(0.02) ? 200 : 0);
  for (let i = 0; i < count; i += 1) {
    const key = random.chance(0.7) ? random.pick(keys) : formEncode(randomText(random).slice(0, 50));
    const suffix = random.chance(0.1) ? random.pick(['[]', '[0]', '[x]', '[__proto__]']) : '';
    const value = random.chance(0.15) ? random.pick(RAW_QUERY_PIECES) : formEncode(randomText(random));
    pairs.push(random.chance(0.05) ? key : `${key}${suffix}=${value}`);
  }
  return pairs.join('&');
}

const JSON_VALUES = (random: SeededRandom): unknown[] => [
  randomText(random),
  null,
  true,
  0,
  -1e308,
  [randomText(random)],
  { email: randomText(random) },
  { toString: 'x', valueOf: 1 },
];

function jsonBody(random: SeededRandom): string {
  const roll = random.next();
  if (roll < 0.55) {
    const body: Record<string, unknown> = { email: random.chance(0.85) ? randomText(random) : random.pick(JSON_VALUES(random)) };
    if (random.chance(0.2)) body[randomText(random).slice(0, 20)] = random.pick(JSON_VALUES(random));
    return JSON.stringify(body);
  }
  if (roll < 0.7) return JSON.stringify(random.pick(JSON_VALUES(random)));
  if (roll < 0.8) return '{"__proto__": {"email": "x@example.jp"}, "constructor": {"prototype": {}}}';
  if (roll < 0.9) {
    // JSON escapes JSON.stringify would not write: lone surrogates, NUL, overlong-looking sequences.
    return `{"email": "${random.pick(['\\ud800', '\\udfff\\ud800', '\\u0000', '\\u202e', '\\uFEFF', '\\\\', '\\"'])}${'a'.repeat(random.below(20))}@example.jp"}`;
  }
  // Broken JSON: cut short, trailing garbage, bare words.
  const valid = JSON.stringify({ email: randomText(random) });
  return random.pick([valid.slice(0, random.below(valid.length)), `${valid}}`, 'undefined', '{email: x}', '', "{'a':1}"]);
}

const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'application/JSON'];

/** The request at `index` of the run seeded with `seed`: always the same for the same pair. */
export function fuzzRequest(random: SeededRandom): FuzzRequest {
  const roll = random.next();
  if (roll < 0.4) return { method: 'POST', path: '/api/v1/check', contentType: random.pick(JSON_TYPES), body: jsonBody(random) };
  if (roll < 0.75) {
    return {
      method: 'POST',
      path: random.chance(0.9) ? '/check' : `/check?${randomPairs(random, ['lang', 'email'])}`,
      contentType: random.pick(['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=utf-8']),
      body: randomPairs(random, ['email', 'lang', 'email', 'email']),
    };
  }
  const path = random.pick(['/', '/', '/api/v1/incidents', '/api/v1/hashing-profile', '/healthz', '/check', '/api/v1/check']);
  return { method: 'GET', path: `${path}?${randomPairs(random, ['lang', 'email', 'q'])}` };
}
