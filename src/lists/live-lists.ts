import type { LiveList } from './list-store';

/**
 * Whether `live` holds exactly the lists and versions of `seen`. Versions only grow, so when the
 * live pointers read after a probe are those a check started from, every version it read was live
 * throughout, and no list appeared that it did not know.
 */
export function sameLiveLists(seen: readonly LiveList[], live: readonly LiveList[]): boolean {
  const versions = new Map(live.map((list) => [list.exposureId, list.version]));
  return live.length === seen.length && seen.every((list) => versions.get(list.exposureId) === list.version);
}
