import { z } from 'zod';
import { perLanguage } from '../i18n';
import { PUBLIC, errorResponse, jsonResponse, type ApiPaths, type ApiRegistry } from '../openapi';
import { incidentSchema } from './admin-catalog-input';
import { CATALOG_ID } from './catalog-id';
import { AFFECTED_COUNT_QUALIFIERS } from './catalog-model';
import { DATA_CLASSES, type DataClass } from './data-classes';
import type { PublicExposure, PublicIncident } from './public-catalog';

// The catalogue as the API answers it, for the document. Answers are built in code, not parsed,
// so these schemas are the document's; `satisfies` ties each to the type the routes send.

/** An admin's text as answered. */
export const localizedText = z
  .object(perLanguage(() => z.string().optional()))
  .meta({ description: 'Text in Japanese and/or English; readers fall back to the other language.' });

export const calendarDate = z.string().meta({ format: 'date' });
export const timestamp = z.string().meta({ format: 'date-time' });
export const dateWindow = z.object({ from: calendarDate.optional(), to: calendarDate.optional() });
export const catalogId = z.string().regex(CATALOG_ID);

// From the vocabulary itself, so the document never lists a code the API would refuse.
export const dataClassCodes = z.array(z.enum(Object.keys(DATA_CLASSES) as [DataClass, ...DataClass[]]));

/** What the public and the admin view of an incident share. */
export const incidentFields = {
  organization: localizedText,
  title: localizedText,
  summary: localizedText.optional(),
  attackWindow: dateWindow.optional(),
  announcedOn: calendarDate.optional(),
  sources: z.array(z.string().meta({ format: 'uri' })),
  contacts: z
    .object({
      phone: z.string().optional(),
      hours: localizedText.optional(),
      formUrl: z.string().meta({ format: 'uri' }).optional(),
      announcementUrl: z.string().meta({ format: 'uri' }).optional(),
    })
    .optional()
    .meta({ description: 'Where a customer reaches a person about this incident; every part optional.' }),
  // The values an admin may set (admin-catalog-input.ts) are the values there are.
  status: incidentSchema.shape.status.unwrap(),
};

/** What the public and the admin view of an exposure share. */
export const exposureFields = {
  incidentId: z.string(),
  title: localizedText,
  description: localizedText.optional(),
  window: dateWindow.optional(),
  dataExposed: dataClassCodes.meta({ description: 'Confirmed exposed.' }),
  dataPossiblyExposed: dataClassCodes.meta({
    description: 'May have been exposed: the company has not yet determined whether it was accessed.',
  }),
  dataNotExposed: dataClassCodes.meta({ description: 'Confirmed not exposed.' }),
  affectedCount: z.int().optional(),
  affectedCountQualifier: z
    .enum(AFFECTED_COUNT_QUALIFIERS)
    .optional()
    .meta({ description: 'How the source states affectedCount; absent means exactly.' }),
  advice: localizedText.optional(),
};

const publicExposure = z.object({
  id: z.string(),
  ...exposureFields,
  checkableByEmail: z.boolean(),
}) satisfies z.ZodType<PublicExposure>;

const publicIncident = z.object({
  id: z.string(),
  ...incidentFields,
  exposures: z.array(publicExposure),
}) satisfies z.ZodType<PublicIncident>;

/** The public catalogue's schemas, named in the document; the check's answer uses them too. */
export function publicCatalogSchemas(registry: ApiRegistry) {
  return {
    exposure: registry.schema('Exposure', publicExposure),
    incident: registry.schema('Incident', publicIncident),
  };
}

/** GET /api/v1/incidents (catalog-routes.ts). */
export const catalogApiPaths: ApiPaths = (registry) => {
  const { incident } = publicCatalogSchemas(registry);
  registry.path('/api/v1/incidents', {
    get: {
      operationId: 'listPublicIncidents',
      summary: 'Published incidents with their public exposures, checkable by email or not',
      security: PUBLIC,
      responses: {
        '200': jsonResponse('The public catalogue', z.object({ incidents: z.array(incident) })),
        '503': errorResponse('unavailable'),
      },
    },
  });
};
