import { notifyAfter } from '../shared';
import type { CatalogStore } from './catalog-store';

/**
 * A catalogue store that calls `onChange` after every write that changes what a check reads, so
 * that a cached catalogue snapshot never outlives a change made in this process (the lists feature
 * wraps its live list pointers alike). Changes made by other instances show within the snapshot's
 * maximum age.
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
