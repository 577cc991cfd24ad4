import { LANGUAGES, type Language, languageLocals } from '../i18n';
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
 */
export class ResultPages {
  readonly #render: RenderView;
  readonly #sizes: PaddedSize;

  constructor(render: RenderView) {
    this.#render = render;
    this.#sizes = new PaddedSize(async (answers) => {
      const pages = await Promise.all(answers.flatMap((answer) => LANGUAGES.map((language) => this.#page(answer, language))));
      return Math.max(...pages.map((page) => Buffer.byteLength(page, 'utf8')));
    });
  }

  async padded(result: CheckResult, language: Language): Promise<string> {
    const [page, size] = await Promise.all([this.#page(result, language), this.#sizes.of(result)]);
    return padTo(page, size);
  }

  #page(result: CheckResult, language: Language): Promise<string> {
    return this.#render('result.njk', { ...languageLocals(language), ...resultView(result, language) });
  }
}
