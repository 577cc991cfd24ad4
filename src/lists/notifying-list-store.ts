import { notifyAfter } from '../shared';
import type { ListStore } from './list-store';

/**
 * A list store that calls `onChange` after every write that changes what a check reads (the live
 * list pointers), so that a cached catalogue snapshot never outlives a change made in this
 * process. Changes made by other instances show within the snapshot's maximum age.
 */
export function notifyingListStore(store: ListStore, onChange: () => void): ListStore {
  const then = notifyAfter(onChange);
  return {
    bindIdentity: (options) => store.bindIdentity(options),
    verifyIntact: () => store.verifyIntact(),
    liveLists: () => store.liveLists(),
    beginVersion: (exposureId, profileId, bucketBits, now) => store.beginVersion(exposureId, profileId, bucketBits, now),
    addEntries: (staged, entries) => store.addEntries(staged, entries),
    activate: then((staged, records, now) => store.activate(staged, records, now)),
    deleteVersion: (exposureId, version, bucketBits) => store.deleteVersion(exposureId, version, bucketBits),
    unusedVersions: () => store.unusedVersions(),
    removeList: then((exposureId) => store.removeList(exposureId)),
    probe: (probes) => store.probe(probes),
    readBuckets: (reads) => store.readBuckets(reads),
  };
}
