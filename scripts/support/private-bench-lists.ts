import path from 'node:path';
import { serverUrl, type AdminTarget } from '../../src/cli/admin-client/admin-target';
import { publishExposure } from '../../src/cli/admin-client/publish-exposure';
import { uploadList } from '../../src/cli/admin-client/upload-list';
import type { ListEntry } from '../../src/hashing/list-entry';
import type { ListStore } from '../../src/lists/list-store';
import { createBenchExposure, type BenchExposure } from './bench-exposure';
import { writeListDirectly } from './direct-list';
import { writeListFileWithKnownRows } from './random-list-file';

/** A published list of bench:private: its exposure, its size, and how long loading it took. */
export interface LoadedList {
  exposureId: string;
  records: number;
  seconds: number;
}

/** The small list's exposure, created first: its profile is what the queries are hashed with. */
export async function createSmallListExposure(baseUrl: string, token: string): Promise<BenchExposure> {
  return createBenchExposure(baseUrl, token, 'Private check benchmark, upload pipeline');
}

/**
 * The small list the way an operator loads one: a list file of argon2 outputs (the known
 * addresses' and random ones) through PUT /api/v1/admin/exposures/{id}/list, then published.
 */
export async function loadSmallList(options: {
  baseUrl: string;
  token: string;
  exposure: BenchExposure;
  dir: string;
  known: readonly Uint8Array[];
  rows: number;
}): Promise<LoadedList> {
  const { baseUrl, token, exposure } = options;
  const file = path.join(options.dir, 'small-list.txt');
  await writeListFileWithKnownRows(file, exposure.profile.id, options.known, options.rows - options.known.length);
  const target: AdminTarget = { server: serverUrl(baseUrl), token };
  const startedAt = performance.now();
  const summary = await uploadList({ target, exposureId: exposure.exposureId, files: [file] });
  await publishExposure(target, exposure.exposureId);
  return { exposureId: exposure.exposureId, records: summary.records, seconds: (performance.now() - startedAt) / 1000 };
}

/**
 * The large list written straight into the store (scripts/support/direct-list.ts), with the known
 * addresses' entries among random ones, on an exposure made and published through the admin API
 * like any other, so that the service finds it live and public.
 */
export async function loadLargeList(options: {
  baseUrl: string;
  token: string;
  store: ListStore;
  known: readonly ListEntry[];
  rows: number;
}): Promise<LoadedList> {
  const { baseUrl, token, store } = options;
  const { exposureId, profile } = await createBenchExposure(baseUrl, token, 'Private check benchmark, 3.1M rows');
  const written = await writeListDirectly(store, {
    exposureId,
    profileId: profile.id,
    bucketBits: profile.bucketBits,
    known: options.known,
    rows: options.rows - options.known.length,
  });
  await publishExposure({ server: serverUrl(baseUrl), token }, exposureId);
  return { exposureId, records: written.records, seconds: written.seconds };
}
