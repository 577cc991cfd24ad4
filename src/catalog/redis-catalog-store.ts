import type { RedisClient } from '../store';
import { type Exposure, type Incident, byCreation, exposureFromStore } from './catalog-model';
import type { CatalogStore } from './catalog-store';

/** Metadata is small: one Redis hash of JSON values per kind, read whole in one round trip. */
export class RedisCatalogStore implements CatalogStore {
  readonly #redis: RedisClient;
  readonly #incidents: string;
  readonly #exposures: string;

  constructor(redis: RedisClient, prefix: string) {
    this.#redis = redis;
    this.#incidents = `${prefix}catalog:incidents`;
    this.#exposures = `${prefix}catalog:exposures`;
  }

  async listIncidents(): Promise<Incident[]> {
    return parseAll<Incident>(await this.#redis.hgetall(this.#incidents));
  }

  async getIncident(id: string): Promise<Incident | null> {
    return parseOne<Incident>(await this.#redis.hget(this.#incidents, id));
  }

  async saveIncident(incident: Incident): Promise<void> {
    await this.#redis.hset(this.#incidents, incident.id, JSON.stringify(incident));
  }

  async deleteIncident(id: string): Promise<void> {
    await this.#redis.hdel(this.#incidents, id);
  }

  async listExposures(): Promise<Exposure[]> {
    return parseAll<Exposure>(await this.#redis.hgetall(this.#exposures)).map(exposureFromStore);
  }

  async getExposure(id: string): Promise<Exposure | null> {
    const exposure = parseOne<Exposure>(await this.#redis.hget(this.#exposures, id));
    return exposure === null ? null : exposureFromStore(exposure);
  }

  async saveExposure(exposure: Exposure): Promise<void> {
    await this.#redis.hset(this.#exposures, exposure.id, JSON.stringify(exposure));
  }

  async deleteExposure(id: string): Promise<void> {
    await this.#redis.hdel(this.#exposures, id);
  }
}

function parseOne<T>(json: string | null): T | null {
  return json === null ? null : (JSON.parse(json) as T);
}

function parseAll<T extends { createdAt: string; id: string }>(values: Record<string, string>): T[] {
  return Object.values(values)
    .map((json) => JSON.parse(json) as T)
    .sort(byCreation);
}
