import type { Logger } from 'pino';
import type { AuditService } from '../audit';
import { type HashingStore, ListEntryPool, type OprfKey } from '../hashing';
import type { Feature } from '../http';
import type { Parameter } from '../openapi';
import type { StoreFactory } from '../store';
import { adminListRoutes } from './admin-list-routes';
import { AdminListService, type RequireExposure } from './admin-list-service';
import { AuditedLists } from './audited-lists';
import { listApiPaths } from './list-openapi';
import { ListService, type ListImportProgress } from './list-service';
import type { ListStore } from './list-store';
import { listUploadRoutes } from './list-upload-pages';
import { MemoryListStore } from './memory-list-store';
import { notifyingListStore } from './notifying-list-store';
import { RedisListStore } from './redis-list-store';

export type { AuditedLists } from './audited-lists';
export { listConsoleMessagesFor } from './list-console-messages';
export type { ListConsoleMessages } from './list-console-messages';
export type { ListImportProgress, ListService, ListWriteSummary } from './list-service';
export { ListDataLostError } from './list-store';
export { sameLiveLists } from './live-lists';
export type { BucketRead, ListStore, LiveList } from './list-store';
export { STORED_BUCKET_BITS, STORED_DIGEST_BYTES } from './stored-buckets';

export const listStores: StoreFactory<ListStore> = {
  memory: () => new MemoryListStore(),
  redis: (redis, keyPrefix) => new RedisListStore(redis, keyPrefix),
};

export interface ListsDeps {
  store: ListStore;
  hashing: HashingStore;
  key: OprfKey;
  /** The key's bytes, for the upload workers that evaluate the OPRF on every core. */
  secretKey: Uint8Array;
  /** A list belongs to an exposure: the catalogue says whether it exists (404 otherwise). */
  requireExposure: RequireExposure;
  audit: AuditService;
  clock: () => Date;
  logger: Logger;
  progress: ListImportProgress;
  /** LIST_UPLOAD_IDLE_SECONDS: an upload (admin API or console) whose body stalls this long is cut off. */
  uploadIdleMs: number;
  /** How the API document names an exposure id: the catalogue's, which sits above the lists. */
  exposureIdParameter: Parameter;
}

export interface ListsFeature extends Feature {
  /** The list store, telling onChange's listeners of every change to the live lists. */
  store: ListStore;
  service: ListService;
  admin: AdminListService;
  /** Uploads and erasures on behalf of an actor, each audited. */
  audited: AuditedLists;
  /** Called after every write to the live lists made in this process (the catalogue snapshot drops itself). */
  onChange(listener: () => void): void;
  close(): Promise<void>;
}

/** Hashed lists: their store, uploads through the admin API and the exposure page, erasure. */
export function createListsFeature(deps: ListsDeps): ListsFeature {
  const listeners: (() => void)[] = [];
  const store = notifyingListStore(deps.store, () => {
    for (const listener of listeners) listener();
  });
  // List uploads evaluate the OPRF on every core; a check evaluates once, on its own thread.
  const entryPool = new ListEntryPool(deps.secretKey);
  const service = new ListService({ lists: store, key: deps.key, entryPool, clock: deps.clock, logger: deps.logger, progress: deps.progress });
  const admin = new AdminListService({ requireExposure: deps.requireExposure, hashing: deps.hashing, lists: store, writer: service });
  const audited = new AuditedLists({ lists: admin, audit: deps.audit });
  return {
    store,
    service,
    admin,
    audited,
    onChange: (listener) => listeners.push(listener),
    close: () => entryPool.close(),
    routes: {
      console: [listUploadRoutes({ auditedLists: audited, listUploadIdleMs: deps.uploadIdleMs })],
      parsed: [adminListRoutes(audited, deps.uploadIdleMs)],
    },
    api: [listApiPaths(deps.exposureIdParameter)],
  };
}

// The API document's account of this feature's routes (src/api-document.ts lists it).
export { listApiPaths } from './list-openapi';
