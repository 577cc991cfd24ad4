import { AppError } from '../errors';
import type { ListStore, LiveList } from '../lists';
import {
  newExposureInput,
  newIncidentInput,
  updatedExposureInput,
  updatedIncidentInput,
} from './admin-catalog-input';
import { catalogIdFrom, randomIdSuffix } from './catalog-id';
import type { Exposure, Incident } from './catalog-model';
import type { CatalogStore } from './catalog-store';
import { existingExposure, existingIncident } from './catalog-lookups';

/**
 * The live list behind an exposure, as an admin sees it: enough to know it answers checks.
 * `version` is its live number (LiveList.liveNumber), counting
 * only versions that went live; the internal id stays inside the lists and the checks.
 */
export interface ListSummary {
  version: number;
  profileId: string;
  records: number;
  activatedAt: string;
}

/** An exposure with the admin-only facts: publication state and its live list, if any. */
export interface AdminExposure extends Exposure {
  list: ListSummary | null;
}

export interface AdminCatalogServiceDeps {
  catalog: CatalogStore;
  lists: ListStore;
  clock: () => Date;
  /** Random part of new ids; injectable so tests can force a collision. */
  newIdSuffix?: () => string;
}

const ID_ATTEMPTS = 5;

/**
 * The admin's view of the catalogue: every incident and exposure, published or not. Writes keep
 * the catalogue whole: an incident with exposures cannot be deleted, and deleting an exposure
 * deletes its hashed list first, so nothing is orphaned and nothing of a deleted list remains.
 */
export class AdminCatalogService {
  readonly #catalog: CatalogStore;
  readonly #lists: ListStore;
  readonly #clock: () => Date;
  readonly #newIdSuffix: () => string;

  constructor(deps: AdminCatalogServiceDeps) {
    this.#catalog = deps.catalog;
    this.#lists = deps.lists;
    this.#clock = deps.clock;
    this.#newIdSuffix = deps.newIdSuffix ?? randomIdSuffix;
  }

  async listIncidents(): Promise<Incident[]> {
    return this.#catalog.listIncidents();
  }

  async getIncident(id: string): Promise<Incident> {
    return this.#existingIncident(id);
  }

  /** `body` is what the admin sent; it is validated here, so scripts get the same checks as HTTP. */
  async createIncident(body: unknown): Promise<Incident> {
    const input = newIncidentInput(body);
    const now = this.#clock().toISOString();
    const year = (input.announcedOn ?? input.attackWindow?.from ?? input.attackWindow?.to)?.slice(0, 4);
    const name = input.organization.en ?? input.title.en;
    const words = name && [name, year].filter(Boolean).join(' ');
    const id = await this.#newId(words, 'incident', async (taken) => (await this.#catalog.getIncident(taken)) !== null);
    const incident = withoutUndefined<Incident>({ id, ...input, createdAt: now, updatedAt: now });
    await this.#catalog.saveIncident(incident);
    return incident;
  }

  /** Applies a JSON Merge Patch; the result is validated as a whole, like a new incident. */
  async updateIncident(id: string, patch: unknown): Promise<Incident> {
    const current = await this.#existingIncident(id);
    const input = updatedIncidentInput(current, patch);
    const incident = withoutUndefined<Incident>({
      id: current.id,
      ...input,
      createdAt: current.createdAt,
      updatedAt: this.#clock().toISOString(),
    });
    await this.#catalog.saveIncident(incident);
    return incident;
  }

  async deleteIncident(id: string): Promise<void> {
    await this.#existingIncident(id);
    const exposures = await this.#exposuresOf(id);
    if (exposures.length > 0) {
      throw new AppError(
        'incident_has_exposures',
        409,
        `This incident still has ${exposures.length} exposure(s); delete them first: ` +
          exposures.map((exposure) => exposure.id).join(', '),
      );
    }
    await this.#catalog.deleteIncident(id);
  }

  async listExposures(incidentId: string): Promise<AdminExposure[]> {
    await this.#existingIncident(incidentId);
    const [exposures, lists] = await Promise.all([this.#exposuresOf(incidentId), this.#liveListsByExposure()]);
    return exposures.map((exposure) => withList(exposure, lists.get(exposure.id)));
  }

  async getExposure(id: string): Promise<AdminExposure> {
    return this.#withLiveList(await this.#existingExposure(id));
  }

  /** New exposures start unpublished: an admin reviews them (and loads a list) before anyone sees them. */
  async createExposure(incidentId: string, body: unknown): Promise<AdminExposure> {
    await this.#existingIncident(incidentId);
    const input = newExposureInput(incidentId, body);
    const now = this.#clock().toISOString();
    const id = await this.#newId(
      input.title.en,
      'exposure',
      async (taken) => (await this.#catalog.getExposure(taken)) !== null,
    );
    const exposure = withoutUndefined<Exposure>({
      id,
      incidentId,
      ...input,
      published: false,
      createdAt: now,
      updatedAt: now,
    });
    await this.#catalog.saveExposure(exposure);
    return withList(exposure, undefined);
  }

  /** Applies a JSON Merge Patch; a published exposure shows the change publicly at once. */
  async updateExposure(id: string, patch: unknown): Promise<AdminExposure> {
    const current = await this.#existingExposure(id);
    const input = updatedExposureInput(current, patch);
    const exposure = withoutUndefined<Exposure>({
      id: current.id,
      incidentId: current.incidentId,
      ...input,
      published: current.published,
      createdAt: current.createdAt,
      updatedAt: this.#clock().toISOString(),
    });
    await this.#catalog.saveExposure(exposure);
    return this.#withLiveList(exposure);
  }

  async deleteExposure(id: string): Promise<void> {
    await this.#existingExposure(id);
    // The list goes first: if that fails the exposure is still there to retry the delete on,
    // whereas the other order could leave list keys that no exposure points to.
    await this.#lists.removeList(id);
    await this.#catalog.deleteExposure(id);
  }

  async setPublished(id: string, published: boolean): Promise<AdminExposure> {
    const current = await this.#existingExposure(id);
    if (current.published === published) return this.#withLiveList(current);
    const exposure: Exposure = { ...current, published, updatedAt: this.#clock().toISOString() };
    await this.#catalog.saveExposure(exposure);
    return this.#withLiveList(exposure);
  }

  async #existingIncident(id: string): Promise<Incident> {
    return existingIncident(this.#catalog, id);
  }

  async #existingExposure(id: string): Promise<Exposure> {
    return existingExposure(this.#catalog, id);
  }

  async #exposuresOf(incidentId: string): Promise<Exposure[]> {
    return (await this.#catalog.listExposures()).filter((exposure) => exposure.incidentId === incidentId);
  }

  async #liveListsByExposure(): Promise<Map<string, LiveList>> {
    return new Map((await this.#lists.liveLists()).map((list) => [list.exposureId, list]));
  }

  async #withLiveList(exposure: Exposure): Promise<AdminExposure> {
    return withList(exposure, (await this.#liveListsByExposure()).get(exposure.id));
  }

  async #newId(words: string | undefined, fallback: string, taken: (id: string) => Promise<boolean>): Promise<string> {
    for (let attempt = 0; attempt < ID_ATTEMPTS; attempt += 1) {
      const id = catalogIdFrom(words, fallback, this.#newIdSuffix());
      if (!(await taken(id))) return id;
    }
    throw new Error(`no free ${fallback} id after ${ID_ATTEMPTS} attempts`);
  }
}

function withList(exposure: Exposure, live: LiveList | undefined): AdminExposure {
  if (live === undefined) return { ...exposure, list: null };
  const { liveNumber, profileId, records, activatedAt } = live;
  return { ...exposure, list: { version: liveNumber, profileId, records, activatedAt } };
}

/** Optional fields the input left out are absent from the stored record, not `undefined`. */
function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
