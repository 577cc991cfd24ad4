import type { Exposure, Incident } from './catalog-model';
import { perLanguage, type Language, type LocalizedText } from '../i18n';
import type { JsonObject } from './merge-patch';
import { formField, formFields } from '../console';

/** One text field in every language, as the form shows and sends it (`<name>_<language>`). */
export type Bilingual = Record<Language, string>;

/** The incident form as typed: kept as it is to show again when the service refuses it. */
export interface IncidentForm {
  organization: Bilingual;
  title: Bilingual;
  summary: Bilingual;
  attackFrom: string;
  attackTo: string;
  announcedOn: string;
  sources: string;
  phone: string;
  hours: Bilingual;
  formUrl: string;
  announcementUrl: string;
  status: string;
}

export interface ExposureForm {
  title: Bilingual;
  description: Bilingual;
  advice: Bilingual;
  talkingPoints: Bilingual;
  windowFrom: string;
  windowTo: string;
  dataExposed: string[];
  dataPossiblyExposed: string[];
  dataNotExposed: string[];
  affectedCount: string;
  affectedCountQualifier: string;
  sensitive: boolean;
}

export const EMPTY_INCIDENT_FORM: IncidentForm = {
  organization: blank(),
  title: blank(),
  summary: blank(),
  attackFrom: '',
  attackTo: '',
  announcedOn: '',
  sources: '',
  phone: '',
  hours: blank(),
  formUrl: '',
  announcementUrl: '',
  status: 'announced',
};

export const EMPTY_EXPOSURE_FORM: ExposureForm = {
  title: blank(),
  description: blank(),
  advice: blank(),
  talkingPoints: blank(),
  windowFrom: '',
  windowTo: '',
  dataExposed: [],
  dataPossiblyExposed: [],
  dataNotExposed: [],
  affectedCount: '',
  affectedCountQualifier: 'exactly',
  sensitive: false,
};

/** The incident form as the console's urlencoded parser hands it over. */
export function incidentFormOf(form: unknown): IncidentForm {
  return {
    organization: bilingual(form, 'organization'),
    title: bilingual(form, 'title'),
    summary: bilingual(form, 'summary'),
    attackFrom: formField(form, 'attackFrom'),
    attackTo: formField(form, 'attackTo'),
    announcedOn: formField(form, 'announcedOn'),
    sources: formField(form, 'sources'),
    phone: formField(form, 'phone'),
    hours: bilingual(form, 'hours'),
    formUrl: formField(form, 'formUrl'),
    announcementUrl: formField(form, 'announcementUrl'),
    status: formField(form, 'status'),
  };
}

export function exposureFormOf(form: unknown): ExposureForm {
  return {
    title: bilingual(form, 'title'),
    description: bilingual(form, 'description'),
    advice: bilingual(form, 'advice'),
    talkingPoints: bilingual(form, 'talkingPoints'),
    windowFrom: formField(form, 'windowFrom'),
    windowTo: formField(form, 'windowTo'),
    dataExposed: formFields(form, 'dataExposed'),
    dataPossiblyExposed: formFields(form, 'dataPossiblyExposed'),
    dataNotExposed: formFields(form, 'dataNotExposed'),
    affectedCount: formField(form, 'affectedCount'),
    affectedCountQualifier: formField(form, 'affectedCountQualifier'),
    sensitive: formField(form, 'sensitive') !== '',
  };
}

/** The edit form of a stored incident. */
export function incidentFormFrom(incident: Incident): IncidentForm {
  return {
    organization: bilingualOf(incident.organization),
    title: bilingualOf(incident.title),
    summary: bilingualOf(incident.summary),
    attackFrom: incident.attackWindow?.from ?? '',
    attackTo: incident.attackWindow?.to ?? '',
    announcedOn: incident.announcedOn ?? '',
    sources: incident.sources.join('\n'),
    phone: incident.contacts?.phone ?? '',
    hours: bilingualOf(incident.contacts?.hours),
    formUrl: incident.contacts?.formUrl ?? '',
    announcementUrl: incident.contacts?.announcementUrl ?? '',
    status: incident.status,
  };
}

export function exposureFormFrom(exposure: Exposure): ExposureForm {
  return {
    title: bilingualOf(exposure.title),
    description: bilingualOf(exposure.description),
    advice: bilingualOf(exposure.advice),
    talkingPoints: bilingualOf(exposure.talkingPoints),
    windowFrom: exposure.window?.from ?? '',
    windowTo: exposure.window?.to ?? '',
    dataExposed: [...exposure.dataExposed],
    dataPossiblyExposed: [...exposure.dataPossiblyExposed],
    dataNotExposed: [...exposure.dataNotExposed],
    affectedCount: exposure.affectedCount === undefined ? '' : String(exposure.affectedCount),
    affectedCountQualifier: exposure.affectedCountQualifier ?? 'exactly',
    sensitive: exposure.sensitive,
  };
}

/**
 * The form as a JSON Merge Patch for AdminCatalogService, which validates it (creation reads it
 * as a new incident: its nulls simply drop out). The form holds every field, so every field is
 * sent: an empty date is null (removed), an empty text pair is cleared by the validator.
 */
export function incidentPatch(form: IncidentForm): JsonObject {
  return {
    organization: { ...form.organization },
    title: { ...form.title },
    summary: { ...form.summary },
    attackWindow: { from: orNull(form.attackFrom), to: orNull(form.attackTo) },
    announcedOn: orNull(form.announcedOn),
    sources: lines(form.sources),
    // Null parts are removed; blank hours are cleared by the validator; contacts left with no part are none.
    contacts: {
      phone: orNull(form.phone),
      hours: { ...form.hours },
      formUrl: orNull(form.formUrl),
      announcementUrl: orNull(form.announcementUrl),
    },
    status: form.status,
  };
}

export function exposurePatch(form: ExposureForm): JsonObject {
  return {
    title: { ...form.title },
    description: { ...form.description },
    advice: { ...form.advice },
    talkingPoints: { ...form.talkingPoints },
    window: { from: orNull(form.windowFrom), to: orNull(form.windowTo) },
    dataExposed: [...form.dataExposed],
    dataPossiblyExposed: [...form.dataPossiblyExposed],
    dataNotExposed: [...form.dataNotExposed],
    affectedCount: countOf(form.affectedCount),
    // Only with a number; "exactly" is what no qualifier means, so it is stored as none.
    affectedCountQualifier: qualifierOf(form),
    sensitive: form.sensitive,
  };
}

/**
 * "28,700", "28 700" and full-width "２８，７００" (typed with a Japanese input method) are 28700;
 * anything else that is not blank goes to the validator as it is, to be refused in its words.
 */
function countOf(typed: string): number | string | null {
  const value = typed.normalize('NFKC').trim();
  if (value === '') return null;
  if (/^\d{1,3}([,\s]\d{3})+$|^\d+$/.test(value)) return Number(value.replace(/[,\s]/g, ''));
  return value;
}

function qualifierOf(form: ExposureForm): string | null {
  const qualifier = form.affectedCountQualifier.trim();
  if (form.affectedCount.trim() === '' || qualifier === '' || qualifier === 'exactly') return null;
  return qualifier;
}

function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function blank(): Bilingual {
  return perLanguage(() => '');
}

function bilingualOf(text: LocalizedText | undefined): Bilingual {
  return perLanguage((language) => text?.[language] ?? '');
}

function bilingual(body: unknown, name: string): Bilingual {
  return perLanguage((language) => formField(body, `${name}_${language}`));
}
