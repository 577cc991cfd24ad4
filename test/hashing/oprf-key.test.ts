import { randomBytes, randomInt } from 'node:crypto';
import { OprfKey, generateOprfSecretKey, oprfSuite, parseOprfSecretKey } from '../../src/hashing/oprf-key';

// RFC 9497 appendix A.1.1, ristretto255-SHA512, OPRF mode (skSm derived from seed a3..a3, info "test key").
const RFC_SECRET_KEY = '5ebcea5ee37023ccb9fc2d2019f9d7737be85591ae8652ffa9ef0f4d37063b0e';
const RFC_VECTORS = [
  {
    input: '00',
    output:
      '527759c3d9366f277d8c6020418d96bb393ba2afb20ff90df23fb7708264e2f3ab9135e3bd69955851de4b1f9fe8a0973396719b7912ba9ee8aa7d0b5e24bcf6',
  },
  {
    input: '5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a',
    output:
      'f4a74c9c592497375e796aa837e907b1a045d34306a749db9f34221f7e750cb4f2a6413a6bf6fa5e19ba6348eb673934a722a7ede2e7621306d18951e7cf2c73',
  },
];

// Lengths around the SHA-512 block (128) and the expand_message_xmd padding, plus list rows (32).
const EDGE_LENGTHS = [0, 1, 31, 32, 33, 63, 64, 65, 111, 112, 127, 128, 129, 255, 256, 1000, 65_535];

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('OPRF key', () => {
  it.each(RFC_VECTORS)('when evaluating RFC 9497 input $input, then the output matches the RFC', async ({ input, output }) => {
    const key = await OprfKey.load(parseOprfSecretKey(RFC_SECRET_KEY));
    expect(hex(key.evaluate(Buffer.from(input, 'hex')))).toBe(output);
  });

  it('when 200 random keys evaluate 32-byte inputs, then every output equals @noble/curves evaluate', async () => {
    const pairs = Array.from({ length: 200 }, () => ({ secretKey: generateOprfSecretKey(), input: randomBytes(32) }));
    for (const { secretKey, input } of pairs) {
      const key = await OprfKey.load(secretKey);
      expect(hex(key.evaluate(input))).toBe(hex(oprfSuite.evaluate(secretKey, input)));
    }
  });

  it('when random keys evaluate inputs of varied lengths, then every output equals @noble/curves evaluate', async () => {
    const lengths = [...EDGE_LENGTHS, ...Array.from({ length: 200 }, () => randomInt(0, 300))];
    for (const length of lengths) {
      const secretKey = generateOprfSecretKey();
      const input = randomBytes(length);
      const key = await OprfKey.load(secretKey);
      expect({ length, output: hex(key.evaluate(input)) }).toEqual({ length, output: hex(oprfSuite.evaluate(secretKey, input)) });
    }
  });

  it('when a key made with new evaluates before libsodium has loaded in its thread, then it says how to load it', () => {
    jest.isolateModules(() => {
      // A fresh module registry: libsodium as a new thread would see it, not yet loaded.
      const fresh = require('../../src/hashing/oprf-key') as typeof import('../../src/hashing/oprf-key');
      const key = new fresh.OprfKey(generateOprfSecretKey());
      expect(() => key.evaluate(randomBytes(32))).toThrow(/OprfKey\.load/);
    });
  });

  it('when the input is longer than a two-byte length prefix allows, then evaluate refuses it', async () => {
    const key = await OprfKey.load(generateOprfSecretKey());
    expect(() => key.evaluate(new Uint8Array(65_536))).toThrow(RangeError);
  });

  it('when a client blinds and the server blind-evaluates, then finalize equals the server-side evaluate', async () => {
    const secretKey = generateOprfSecretKey();
    const input = randomBytes(32);
    const suite = oprfSuite as typeof oprfSuite & {
      blind(input: Uint8Array): { blind: Uint8Array; blinded: Uint8Array };
      finalize(input: Uint8Array, blind: Uint8Array, evaluated: Uint8Array): Uint8Array;
    };
    const { blind, blinded } = suite.blind(input);
    const finalized = suite.finalize(input, blind, suite.blindEvaluate(secretKey, blinded));
    expect(hex(finalized)).toBe(hex((await OprfKey.load(secretKey)).evaluate(input)));
  });

  it('when two keys differ, then their key-check values differ and each is stable', async () => {
    const a = await OprfKey.load(generateOprfSecretKey());
    const b = await OprfKey.load(generateOprfSecretKey());
    expect(await a.keyCheckValue()).toMatch(/^[0-9a-f]{32}$/);
    expect(await a.keyCheckValue()).toBe(await a.keyCheckValue());
    expect(await a.keyCheckValue()).not.toBe(await b.keyCheckValue());
  });

  it.each([
    ['too short', 'abcd'],
    ['not hex', 'z'.repeat(64)],
    ['zero', '0'.repeat(64)],
    ['not below the group order', 'ff'.repeat(32)],
    // The group order itself, little-endian: the smallest scalar that is not below it.
    ['the group order', 'edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010'],
  ])('when the key is %s, then parsing refuses it without echoing it', (_name, hexKey) => {
    expect(() => parseOprfSecretKey(hexKey)).toThrow();
    try {
      parseOprfSecretKey(hexKey);
    } catch (error) {
      if (hexKey.length > 8) expect((error as Error).message).not.toContain(hexKey);
    }
  });

  it('when the key is the largest scalar below the group order, then parsing accepts it and it evaluates like @noble/curves', async () => {
    const largest = parseOprfSecretKey('ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010');
    const input = randomBytes(32);
    expect(hex((await OprfKey.load(largest)).evaluate(input))).toBe(hex(oprfSuite.evaluate(largest, input)));
  });
});
