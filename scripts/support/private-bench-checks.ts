import type { PrivateCheckAnswer } from '../../src/private-check/private-check-model';
import { blindQuery, privateCheck, type PreparedQuery, type PrivateClientProfile } from './private-queries';

/** bench:private's checks that the answers it measures are right, and its answer sizes. */

/** Each listed address is found in exactly `lists`, each unlisted one in none: the load measures correct answers. */
export async function verifyFindings(url: string, profile: PrivateClientProfile, known: Uint8Array[], unlisted: Uint8Array[], lists: string[]): Promise<void> {
  for (const a of known) {
    const { found } = await privateCheck(url, blindQuery(a, profile), profile);
    if (found.sort().join() !== [...lists].sort().join()) throw new Error(`a listed address was found in [${found.join()}], not in [${lists.join()}]`);
  }
  for (const a of unlisted) {
    const { found } = await privateCheck(url, blindQuery(a, profile), profile);
    if (found.length > 0) throw new Error(`an unlisted address was found in [${found.join()}]`);
  }
}

/** The bare handler answers the service's `results` (its lists in another order): the two do the same work. */
export async function verifySameResults(serviceUrl: string, bareUrl: string, bodies: readonly string[]): Promise<void> {
  const resultsOf = async (url: string, body: string) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    if (response.status !== 200) throw new Error(`POST ${url} answered ${response.status}`);
    const { results } = (await response.json()) as PrivateCheckAnswer;
    return JSON.stringify(results.map((result) => ({ ...result, lists: [...result.lists].sort((a, b) => a.exposureId.localeCompare(b.exposureId)) })));
  };
  for (const body of bodies) {
    if ((await resultsOf(serviceUrl, body)) !== (await resultsOf(bareUrl, body))) throw new Error('the bare handler answered other results than the service');
  }
}

/** The answers' body sizes over `queries`, one at a time. */
export async function answerBytes(url: string, queries: readonly PreparedQuery[], profile: PrivateClientProfile): Promise<{ mean: number; max: number }> {
  const sizes: number[] = [];
  for (const query of queries) sizes.push((await privateCheck(url, query, profile)).bytes);
  return { mean: sizes.reduce((sum, size) => sum + size, 0) / sizes.length, max: Math.max(...sizes) };
}
