import { padTo } from './answer-padding';
import type { CheckResult } from './check-result';
import { PaddedSize } from './padded-size';

/** POST /api/v1/check's answer as JSON text, padded to one size for every result on its catalogue. */
export class ApiAnswers {
  readonly #sizes = new PaddedSize(async (answers) => Math.max(...answers.map(jsonBytes)));

  async padded(result: CheckResult): Promise<string> {
    return padTo(JSON.stringify(result), await this.#sizes.of(result));
  }
}

function jsonBytes(answer: CheckResult): number {
  return Buffer.byteLength(JSON.stringify(answer), 'utf8');
}
