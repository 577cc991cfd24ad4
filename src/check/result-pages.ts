import { LANGUAGES, type Language, languageLocals } from '../i18n';
import { type MaskedEmail, WIDEST_MASKED_EMAIL } from '../hashing';
import type { RenderView } from '../http';
import { padTo } from './answer-padding';
import type { CheckResult } from './check-result';
import { PaddedSize } from './padded-size';
import { resultView } from './result-view';

/**
 * The result page, padded to one size for every result on its catalogue in either language, so
 * that its length tells neither the result nor the language. The page sent and the pages measured
 * for the size are rendered by the same function from the same locals, so the measured extremes
 * bound the page sent exactly.
 *
 * The page shows the address checked, masked (`t•••@example.jp`, src/hashing/mask-email.ts), whose
 * length varies with its domain: the pages measured show WIDEST_MASKED_EMAIL in its place, which is
 * at least as long as any masked address once escaped, so the size depends on the catalogue alone
 * and a short address, a long one, a hit and a miss are all sent at it. (The stand-in, about 1 KiB,
 * makes the padded page a block or two larger than it would be without the line.)
 */
export class ResultPages {
  readonly #render: RenderView;
  readonly #sizes: PaddedSize;

  constructor(render: RenderView) {
    this.#render = render;
    this.#sizes = new PaddedSize(async (answers) => {
      const pages = await Promise.all(
        answers.flatMap((answer) => LANGUAGES.map((language) => this.#page(answer, language, WIDEST_MASKED_EMAIL))),
      );
      return Math.max(...pages.map((page) => Buffer.byteLength(page, 'utf8')));
    });
  }

  /** `checkedAddress` is shown so that a typo can be noticed; it is rendered into this page and kept nowhere. */
  async padded(result: CheckResult, language: Language, checkedAddress: MaskedEmail): Promise<string> {
    const [page, size] = await Promise.all([this.#page(result, language, checkedAddress), this.#sizes.of(result)]);
    return padTo(page, size);
  }

  #page(result: CheckResult, language: Language, checkedAddress: MaskedEmail): Promise<string> {
    return this.#render('result.njk', { ...languageLocals(language), ...resultView(result, language), checkedAddress });
  }
}
