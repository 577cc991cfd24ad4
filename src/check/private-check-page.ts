import type { Logger } from 'pino';
import type { Language } from '../i18n';
import type { CheckResult } from './check-result';
import { resultView, type ResultView } from './result-view';

export interface PrivateCheckPageSource {
  /** The public exposures a check compares with now (CheckService.publicCatalogue). */
  catalogue: () => Promise<CheckResult>;
  /** How many groups a private query names one of; undefined while no list is live. */
  groups: () => Promise<number | undefined>;
}

/**
 * What the check page carries for the check the browser makes (issue 15): the rendered parts of
 * every result it can reach, from the server's own templates and views, so that the two kinds of
 * check cannot drift apart. Every hit card, a hit verdict for each possible number of hits, the
 * miss verdict and the background; the ids let the script tell that an answer is about this
 * catalogue (a list added or removed since the page was made would otherwise go unshown).
 */
export interface PrivateCheckPage extends ResultView {
  groups: number;
  /** 1 .. the number of lists: the hit verdicts, one per count, since their lead counts the groups. */
  hitCounts: number[];
  checkedIds: string;
  notCheckableIds: string;
}

/**
 * undefined when the browser's check cannot run (no live list) or the catalogue cannot be read:
 * the page is then the plain form, which answers 503 itself when the store is gone.
 */
export async function privateCheckPage(source: PrivateCheckPageSource, language: Language, log: Logger): Promise<PrivateCheckPage | undefined> {
  try {
    const [catalogue, groups] = await Promise.all([source.catalogue(), source.groups()]);
    if (groups === undefined) return undefined;
    const view = resultView(catalogue, language);
    return {
      ...view,
      groups,
      hitCounts: view.checked.map((_, index) => index + 1),
      checkedIds: catalogue.checked.map(({ id }) => id).join(' '),
      notCheckableIds: catalogue.notCheckableByEmail.map(({ id }) => id).join(' '),
    };
  } catch (error) {
    log.warn({ err: error }, 'the check page is served without the private check: the catalogue could not be read');
    return undefined;
  }
}
