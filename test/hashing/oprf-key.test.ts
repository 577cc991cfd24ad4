import { randomBytes } from 'node:crypto';
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

describe('OPRF key', () => {
  it.each(RFC_VECTORS)('when evaluating RFC 9497 input $input, then the output matches the RFC', ({ input, output }) => {
    const key = new OprfKey(parseOprfSecretKey(RFC_SECRET_KEY));
    expect(Buffer.from(key.evaluate(Buffer.from(input, 'hex'))).toString('hex')).toBe(output);
  });

  it('when a client blinds and the server blind-evaluates, then finalize equals the server-side evaluate', () => {
    const secretKey = generateOprfSecretKey();
    const input = randomBytes(32);
    const suite = oprfSuite as typeof oprfSuite & {
      blind(input: Uint8Array): { blind: Uint8Array; blinded: Uint8Array };
      finalize(input: Uint8Array, blind: Uint8Array, evaluated: Uint8Array): Uint8Array;
    };
    const { blind, blinded } = suite.blind(input);
    const finalized = suite.finalize(input, blind, suite.blindEvaluate(secretKey, blinded));
    expect(Buffer.from(finalized).equals(Buffer.from(new OprfKey(secretKey).evaluate(input)))).toBe(true);
  });

  it('when two keys differ, then their key-check values differ and each is stable', () => {
    const a = new OprfKey(generateOprfSecretKey());
    const b = new OprfKey(generateOprfSecretKey());
    expect(a.keyCheckValue()).toMatch(/^[0-9a-f]{32}$/);
    expect(a.keyCheckValue()).toBe(a.keyCheckValue());
    expect(a.keyCheckValue()).not.toBe(b.keyCheckValue());
  });

  it.each([
    ['too short', 'abcd'],
    ['not hex', 'z'.repeat(64)],
    ['zero', '0'.repeat(64)],
    ['not below the group order', 'ff'.repeat(32)],
  ])('when the key is %s, then parsing refuses it without echoing it', (_name, hex) => {
    expect(() => parseOprfSecretKey(hex)).toThrow();
    try {
      parseOprfSecretKey(hex);
    } catch (error) {
      if (hex.length > 8) expect((error as Error).message).not.toContain(hex);
    }
  });
});
