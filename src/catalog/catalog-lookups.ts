import { AppError } from '../errors';
import { isCatalogId } from './catalog-id';
import type { Exposure, Incident } from './catalog-model';
import type { CatalogStore } from './catalog-store';

// Ids outside the id alphabet never reach the store (they end up in key names there): a 404 as for any unknown id.

export async function existingIncident(catalog: CatalogStore, id: string): Promise<Incident> {
  const incident = isCatalogId(id) ? await catalog.getIncident(id) : null;
  if (incident === null) throw AppError.notFound('There is no incident with this id.');
  return incident;
}

export async function existingExposure(catalog: CatalogStore, id: string): Promise<Exposure> {
  const exposure = isCatalogId(id) ? await catalog.getExposure(id) : null;
  if (exposure === null) throw AppError.notFound('There is no exposure with this id.');
  return exposure;
}
