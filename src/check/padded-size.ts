import { blockSizeFor } from './answer-padding';
import type { CheckResult } from './check-result';

/** How many bytes the longest of these answers takes, in every form it can be sent in (both languages of a page). */
export type LongestAnswer = (answers: readonly CheckResult[]) => Promise<number>;

// Just after a catalogue change, checks that read the old snapshot and the new one are in flight
// together; keeping a few sizes spares them recomputing each other's. Older catalogues are let go.
const KEPT_CATALOGUES = 4;

/**
 * The size every answer to a check on one catalogue is padded to: that of the longest answer the
 * catalogue allows, the one with every checked exposure matched or the one with none, rounded up to
 * whole KiB (an answer with some matches lies between the two).
 *
 * The catalogue is read from the result itself (`checked` and `notCheckableByEmail`, which are the
 * same for a hit and a miss), not from the current snapshot: an answer is always measured against
 * the catalogue its own check saw, so a catalogue that changed during the check cannot leave a hit
 * larger than its size. The size is worked out once per catalogue (rendering the extremes) and
 * looked up afterwards, at the cost of serializing that part of the result as the key.
 */
export class PaddedSize {
  readonly #longest: LongestAnswer;
  readonly #sizes = new Map<string, Promise<number>>();

  constructor(longest: LongestAnswer) {
    this.#longest = longest;
  }

  of(result: CheckResult): Promise<number> {
    const catalogue = JSON.stringify([result.checked, result.notCheckableByEmail]);
    const known = this.#sizes.get(catalogue);
    if (known !== undefined) return known;
    const size = this.#longest(extremesOf(result)).then(blockSizeFor);
    this.#remember(catalogue, size);
    return size;
  }

  #remember(catalogue: string, size: Promise<number>): void {
    this.#sizes.set(catalogue, size);
    const oldest = this.#sizes.keys().next().value;
    if (this.#sizes.size > KEPT_CATALOGUES && oldest !== undefined) this.#sizes.delete(oldest);
    // A failed measurement is not kept: the next check on this catalogue tries again.
    size.catch(() => {
      if (this.#sizes.get(catalogue) === size) this.#sizes.delete(catalogue);
    });
  }
}

/** The two answers that bound every answer on the result's catalogue: every checked exposure matched, and none. */
export function extremesOf(result: CheckResult): CheckResult[] {
  return [
    { ...result, affected: result.checked.length > 0, exposures: result.checked },
    { ...result, affected: false, exposures: [] },
  ];
}
