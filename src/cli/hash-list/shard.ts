import { OperatorError } from './operator-error';

/** One of `count` machines sharing an input: it takes data rows index, index + count, ... (1-based). */
export interface Shard {
  index: number;
  count: number;
}

export const WHOLE_INPUT: Shard = { index: 1, count: 1 };

const SHARD = /^(\d{1,6})\/(\d{1,6})$/;

/** Parses `i/n` with 1 <= i <= n. */
export function parseShard(text: string): Shard {
  const match = SHARD.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || index < 1 || index > count) {
    throw new OperatorError(
      `--shard must be i/n with 1 <= i <= n, such as 1/3 for the first of three machines (got "${text}").`,
      { usage: true },
    );
  }
  return { index, count };
}

/**
 * Round-robin rather than contiguous ranges: every shard can start at once without knowing the
 * row count, and the shards finish at about the same time.
 */
export function ownsDataRow(shard: Shard, dataRow: number): boolean {
  return ((dataRow - 1) % shard.count) + 1 === shard.index;
}

export function shardLabel(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
