import type { ListStore } from '../lists/list-store';
import type { CatalogStore } from './catalog-store';

/**
 * Store wrappers that call `onChange` after every write that changes what a check reads (catalogue
 * entries, live list pointers), so that a cached catalogue snapshot never outlives a change made in
 * this process. Changes made by other instances show within the snapshot's maximum age.
 */
export function notifyingCatalogStore(store: CatalogStore, onChange: () => void): CatalogStore {
  const then = notifyAfter(onChange);
  return {
    listIncidents: () => store.listIncidents(),
    getIncident: (id) => store.getIncident(id),
    saveIncident: then((incident) => store.saveIncident(incident)),
    deleteIncident: then((id) => store.deleteIncident(id)),
    listExposures: () => store.listExposures(),
    getExposure: (id) => store.getExposure(id),
    saveExposure: then((exposure) => store.saveExposure(exposure)),
    deleteExposure: then((id) => store.deleteExposure(id)),
  };
}

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
  };
}

/** Wraps a write so `onChange` runs once it has settled, whether it succeeded or not (it may have half-happened). */
function notifyAfter(onChange: () => void) {
  return <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await write(...args);
      } finally {
        onChange();
      }
    };
}
