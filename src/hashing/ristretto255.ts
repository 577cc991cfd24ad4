import sodium = require('libsodium-wrappers-sumo');

/** The libsodium operations RFC 9497's Evaluate is composed of (see oprf-evaluate.ts). */
export type Ristretto255 = Pick<
  typeof sodium,
  'crypto_core_ristretto255_from_hash' | 'crypto_scalarmult_ristretto255' | 'crypto_core_ristretto255_is_valid_point'
>;

// libsodium is one WebAssembly instance per thread that becomes usable only once `sodium.ready`
// resolves; the state lives here because it is the library's own, not a client or a setting.
let loading: Promise<Ristretto255> | undefined;
let loaded: Ristretto255 | undefined;

/** Compiles libsodium's WebAssembly in this thread, once; later calls return the same instance. */
export function loadRistretto255(): Promise<Ristretto255> {
  loading ??= sodium.ready.then(() => {
    loaded = sodium;
    return sodium;
  });
  return loading;
}

/** The instance `loadRistretto255` made ready in this thread. Throws if it has not finished yet. */
export function loadedRistretto255(): Ristretto255 {
  if (loaded === undefined) {
    throw new Error('libsodium is not loaded in this thread yet: await OprfKey.load() (or loadRistretto255()) first');
  }
  return loaded;
}
