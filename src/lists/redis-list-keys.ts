import { STORED_BUCKET_BITS } from './stored-buckets';

/**
 * The Redis keys of one list version. Two layouts, each with its bucket map (bucket-map.ts):
 *
 * - staged: while an upload writes, one hash per bucket of the profile's bits (16), field = the
 *   digest's stored 8 bytes, empty value: HSET tells how many rows were new, and ~15 rows a hash at
 *   1M rows stay listpack-encoded. It is also the layout live lists had before packing (with
 *   16-byte fields), so the migration at start reads them with the same code.
 * - stored: what a live version answers from, one string per 12-bit bucket holding its sorted
 *   digests (stored-buckets.ts), ~8.5 bytes a row at 1M rows.
 *
 * The bucket is the hash tag of its key, so one probe touches one cluster slot; its width is fixed
 * (six hex digits staged, three stored: the two never collide), so a probe's request is as long
 * for every address. The maps share the `{lists}` tag with the other metadata.
 */
export class VersionKeys {
  readonly #prefix: string;
  readonly #version: string;

  constructor(prefix: string, list: { exposureId: string; version: number }) {
    this.#prefix = prefix;
    this.#version = versionField(list.exposureId, list.version);
  }

  stagedBucket(bucket: number): string {
    return `${this.#prefix}lists:{${bucket.toString(16).padStart(6, '0')}}:${this.#version}`;
  }

  get stagedMap(): string {
    return `${this.#prefix}{lists}:buckets:${this.#version}`;
  }

  storedBucket(bucket: number): string {
    return `${this.#prefix}lists:{${bucket.toString(16).padStart(STORED_HEX_DIGITS, '0')}}:${this.#version}`;
  }

  get storedMap(): string {
    return `${this.#prefix}{lists}:stored-buckets:${this.#version}`;
  }
}

const STORED_HEX_DIGITS = Math.ceil(STORED_BUCKET_BITS / 4);

export function versionField(exposureId: string, version: number): string {
  return `${exposureId}/${version}`;
}
