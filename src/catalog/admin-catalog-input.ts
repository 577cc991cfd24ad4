import { z } from 'zod';
import { AppError, type InputProblem, type InputProblemWhat } from '../errors';
import {
  AFFECTED_COUNT_QUALIFIERS,
  type AffectedCountQualifier,
  type DateWindow,
  type Exposure,
  type Incident,
  type IncidentContacts,
  type IncidentStatus,
} from './catalog-model';
import { DATA_CLASSES, isDataClass, type DataClass } from './data-classes';
import { LANGUAGES, perLanguage, type Language, type LocalizedText } from '../i18n';
import { isJsonObject, mergePatch, type JsonObject } from './merge-patch';

/** What an admin may set on an incident; everything else is the server's. */
export interface IncidentInput {
  organization: LocalizedText;
  title: LocalizedText;
  summary?: LocalizedText | undefined;
  attackWindow?: DateWindow | undefined;
  announcedOn?: string | undefined;
  sources: string[];
  contacts?: IncidentContacts | undefined;
  status: IncidentStatus;
}

/** What an admin may set on an exposure; publication has its own endpoints. */
export interface ExposureInput {
  title: LocalizedText;
  description?: LocalizedText | undefined;
  window?: DateWindow | undefined;
  dataExposed: DataClass[];
  dataPossiblyExposed: DataClass[];
  dataNotExposed: DataClass[];
  affectedCount?: number | undefined;
  affectedCountQualifier?: AffectedCountQualifier | undefined;
  advice?: LocalizedText | undefined;
  /** For support staff only; never public. */
  talkingPoints?: LocalizedText | undefined;
  sensitive: boolean;
}

const TITLE_MAX = 200;
const LONG_TEXT_MAX = 4000;
const URL_MAX = 2000;
const SOURCES_MAX = 20;
const KNOWN_DATA_CLASSES = Object.keys(DATA_CLASSES).join(', ');

// '"ja" and/or "en"', for the refusal of a text that is neither a string nor such an object.
const LANGUAGE_KEYS = LANGUAGES.map((language) => `"${language}"`).join(' and/or ');

// Hiragana, katakana (full- and half-width) and kanji: text an admin typed in Japanese.
const JAPANESE_SCRIPT = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/**
 * A plain string is filed under the language it is written in (Japanese script -> `ja`, anything
 * else -> `en`): readers fall back to the other language, so the text shows either way, and a
 * later `{"en": ...}` or `{"ja": ...}` adds the translation instead of overwriting a copy.
 */
function languageOf(text: string): Language {
  return JAPANESE_SCRIPT.test(text) ? 'ja' : 'en';
}

function localizedText(maxLength: number) {
  return localizedTextOr(maxLength, (context) => {
    context.addIssue({ code: 'custom', message: 'must not be empty', params: problemParams({ kind: 'required' }) });
    return z.NEVER;
  });
}

/** An optional text left blank (say, a cleared form field) means no text, not an error. */
function optionalLocalizedText(maxLength: number) {
  return localizedTextOr(maxLength, () => undefined).optional();
}

/**
 * What the API document says of a text field. JSON Schema cannot see the preprocess that files a
 * plain string under its language, so the schema says it takes either form (`type`); the limit
 * is the one the per-language strings check.
 */
function localizedTextDescription(maxLength: number): string {
  return (
    `Either {"ja": "...", "en": "..."} (at least one non-empty) or a plain string, which is filed under ` +
    '"ja" when it contains Japanese script (hiragana, katakana, kanji) and under "en" otherwise. Trimmed; ' +
    `at most ${maxLength} characters per language. An optional text left blank means none. In a PATCH ` +
    'an object updates only the languages it names (null or "" removes one) and a plain string replaces ' +
    'the whole text.'
  );
}

function localizedTextOr<Blank>(maxLength: number, whenBlank: (context: z.RefinementCtx) => Blank) {
  const language = z
    .string({ error: 'must be a string' })
    .trim()
    .max(maxLength, `must be at most ${maxLength} characters`)
    .optional();
  return z.preprocess(
    (value) => (typeof value === 'string' ? { [languageOf(value)]: value } : value),
    z
      .object(
        perLanguage(() => language),
        {
          error: (issue) =>
            issue.input === undefined ? 'is required' : `must be a string or an object with ${LANGUAGE_KEYS} strings`,
        },
      )
      .transform((text, context): LocalizedText | Blank => {
        const result: LocalizedText = {};
        for (const key of LANGUAGES) if (text[key]) result[key] = text[key];
        return Object.keys(result).length === 0 ? whenBlank(context) : result;
      }),
  ).meta({ type: ['string', 'object'], maxLength, description: localizedTextDescription(maxLength) });
}

const isoDate = z
  .string({ error: 'must be a date as YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, { message: 'is not a real calendar date', params: problemParams({ kind: 'badDate' }) })
  .meta({ format: 'date' });

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const dateWindow = z
  .object(
    { from: isoDate.optional(), to: isoDate.optional() },
    { error: 'must be an object with "from" and/or "to" dates (YYYY-MM-DD)' },
  )
  .superRefine((window, context) => {
    if (window.from !== undefined && window.to !== undefined && window.from > window.to) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `must not be before "from" (${window.from})`,
        params: problemParams({ kind: 'dateOrder', from: window.from }),
      });
    }
  })
  // A window with neither end says nothing: store none rather than an empty object.
  .transform((window): DateWindow | undefined =>
    window.from === undefined && window.to === undefined ? undefined : window,
  )
  .meta({ description: 'Either end may be left out; "to" must not be before "from". In a PATCH the ends merge.' });

const sourceUrl = z
  .string({ error: 'must be a URL string' })
  .trim()
  .max(URL_MAX, `must be at most ${URL_MAX} characters`)
  .refine(isHttpUrl, { message: 'must be an http:// or https:// URL', params: problemParams({ kind: 'notUrl' }) })
  .meta({ format: 'uri', description: 'http or https' });

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

// A phone number as companies print it: digits with spaces, hyphens, dots or brackets, an optional
// leading "+". Full-width digits (typed with a Japanese input method) are folded first.
const PHONE_SHAPE = /^\+?[0-9][0-9 ().-]*[0-9]$/;
const PHONE_DIGITS_MIN = 5;
const PHONE_DIGITS_MAX = 15;

const phoneNumber = z
  .string({ error: 'must be a phone number string' })
  .transform((value) => value.normalize('NFKC').trim())
  .refine(
    (value) => {
      const digits = value.replace(/\D/g, '').length;
      return PHONE_SHAPE.test(value) && digits >= PHONE_DIGITS_MIN && digits <= PHONE_DIGITS_MAX;
    },
    {
      message: `must be a phone number: ${PHONE_DIGITS_MIN} to ${PHONE_DIGITS_MAX} digits, with spaces, hyphens or brackets and an optional leading "+"`,
      params: problemParams({ kind: 'notPhone', minDigits: PHONE_DIGITS_MIN, maxDigits: PHONE_DIGITS_MAX }),
    },
  )
  .meta({ description: 'Shown as written; dialled through a tel: link of its digits (and leading "+").' });

/** An optional part left blank (a cleared form field) means none. */
function blankAsNone(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

const incidentContacts = z
  .object(
    {
      phone: z.preprocess(blankAsNone, phoneNumber.optional()),
      hours: optionalLocalizedText(TITLE_MAX).meta({
        description: 'When the hotline answers, in words. ' + localizedTextDescription(TITLE_MAX),
      }),
      formUrl: z.preprocess(blankAsNone, sourceUrl.optional()).meta({ description: "The company's own contact form." }),
      announcementUrl: z
        .preprocess(blankAsNone, sourceUrl.optional())
        .meta({ description: "The company's own announcement of this incident." }),
    },
    { error: 'must be an object with phone, hours, formUrl and/or announcementUrl' },
  )
  // Contacts with no part say nothing: store none rather than an empty object.
  .transform((contacts): IncidentContacts | undefined => {
    const parts = Object.fromEntries(Object.entries(contacts).filter(([, value]) => value !== undefined));
    return Object.keys(parts).length === 0 ? undefined : (parts as IncidentContacts);
  })
  .meta({
    description:
      'Where a customer reaches a person about this incident: shown on every card of its exposures, on the ' +
      'result page of an address not found, and in the support console. Every part is optional. In a PATCH the parts merge.',
  });

const dataClass = z
  .string({ error: 'must be a data class code' })
  .transform((value, context): DataClass => {
    if (isDataClass(value)) return value;
    context.addIssue({
      code: 'custom',
      message: `unknown data class ${JSON.stringify(value.slice(0, 40))}; known: ${KNOWN_DATA_CLASSES}`,
      params: problemParams({ kind: 'unknownDataClass', code: value.slice(0, 40) }),
    });
    return z.NEVER;
  })
  // From the vocabulary itself, so the API document never lists a code the API would refuse.
  .meta({ enum: Object.keys(DATA_CLASSES) });

const dataClasses = z
  .array(dataClass, { error: 'must be an array of data class codes' })
  .transform((classes) => [...new Set(classes)]);

// `.meta()` says what the API document (src/catalog/admin-catalog-openapi.ts) tells of a field
// beyond what its checks show; parsing ignores it.

/** An incident as an admin sends it; the API document's IncidentInput. */
export const incidentSchema = z.object({
  organization: localizedText(TITLE_MAX),
  title: localizedText(TITLE_MAX),
  summary: optionalLocalizedText(LONG_TEXT_MAX),
  attackWindow: dateWindow.optional(),
  announcedOn: isoDate.optional(),
  sources: z
    .array(sourceUrl, { error: 'must be an array of URLs' })
    .max(SOURCES_MAX, `must hold at most ${SOURCES_MAX} URLs`)
    .transform((urls) => [...new Set(urls)])
    .default([]),
  contacts: incidentContacts.optional(),
  status: z
    .enum(['investigating', 'announced', 'resolved'], { error: 'must be one of investigating, announced, resolved' })
    .default('announced'),
});

/** An exposure as an admin sends it; the API document's ExposureInput. */
export const exposureSchema = z
  .object({
    title: localizedText(TITLE_MAX),
    description: optionalLocalizedText(LONG_TEXT_MAX),
    window: dateWindow.optional(),
    dataExposed: z
      .array(dataClass, {
        error: (issue) => (issue.input === undefined ? 'is required' : 'must be an array of data class codes'),
      })
      .min(1, `must list at least one data class; known: ${KNOWN_DATA_CLASSES}`)
      .transform((classes) => [...new Set(classes)])
      .meta({ description: 'Confirmed exposed. Repeated codes are kept once.' }),
    dataPossiblyExposed: dataClasses.default([]).meta({
      description:
        'May have been exposed: the company has not yet determined whether it was accessed (still being ' +
        'investigated). Must not repeat a dataExposed code.',
    }),
    dataNotExposed: dataClasses
      .default([])
      .meta({ description: 'Confirmed not exposed; must not repeat a dataExposed or dataPossiblyExposed code.' }),
    affectedCount: z
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(0, 'must not be negative')
      .optional(),
    affectedCountQualifier: z
      .enum(AFFECTED_COUNT_QUALIFIERS, { error: `must be one of ${AFFECTED_COUNT_QUALIFIERS.join(', ')}` })
      .optional()
      .meta({
        description:
          'How the source states affectedCount: exactly ("5,568"), about ("about 28,700") or upTo ("up to 3.1 ' +
          'million"). Only with affectedCount; left out, the count is exact.',
      }),
    advice: optionalLocalizedText(LONG_TEXT_MAX),
    talkingPoints: optionalLocalizedText(LONG_TEXT_MAX).meta({
      description:
        'What support staff say to a caller found in this exposure. Staff only: never in the public API or pages. ' +
        localizedTextDescription(LONG_TEXT_MAX),
    }),
    sensitive: z
      .boolean({ error: 'must be true or false' })
      .default(false)
      .meta({ description: 'Sensitive exposures never answer public checks nor appear in the public catalogue.' }),
  })
  .superRefine((exposure, context) => {
    // A class is in at most one of the three lists; the later list names the earlier one.
    const seen = new Map<string, string>();
    for (const field of ['dataExposed', 'dataPossiblyExposed', 'dataNotExposed'] as const) {
      exposure[field].forEach((code, index) => {
        const earlier = seen.get(code);
        if (earlier === undefined) {
          seen.set(code, field);
          return;
        }
        context.addIssue({
          code: 'custom',
          path: [field, index],
          message: `"${code}" is also listed in ${earlier}`,
          params: problemParams({ kind: 'duplicateClass', code, earlier }),
        });
      });
    }
    if (exposure.affectedCountQualifier !== undefined && exposure.affectedCount === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['affectedCountQualifier'],
        message: 'is only meaningful with affectedCount',
        params: problemParams({ kind: 'qualifierWithoutCount' }),
      });
    }
  });

/** The body of a POST creating an incident. */
export function newIncidentInput(body: unknown): IncidentInput {
  const object = jsonObjectBody(body);
  rejectServerFields(object, {}, INCIDENT_SERVER_FIELDS);
  return parse(incidentSchema, mergePatch({}, object));
}

/** The incident after a PATCH (JSON Merge Patch semantics), validated as a whole. */
export function updatedIncidentInput(current: Incident, body: unknown): IncidentInput {
  const patch = jsonObjectBody(body);
  rejectServerFields(patch, current, INCIDENT_SERVER_FIELDS);
  const { id: _id, createdAt: _created, updatedAt: _updated, ...editable } = current;
  return parse(incidentSchema, mergePatch(editable, patch));
}

/** The body of a POST creating an exposure of `incidentId`. */
export function newExposureInput(incidentId: string, body: unknown): ExposureInput {
  const object = jsonObjectBody(body);
  rejectServerFields(object, { incidentId, published: false }, EXPOSURE_SERVER_FIELDS);
  return parse(exposureSchema, mergePatch({}, object));
}

/** The exposure after a PATCH (JSON Merge Patch semantics), validated as a whole. */
export function updatedExposureInput(current: Exposure, body: unknown): ExposureInput {
  const patch = jsonObjectBody(body);
  rejectServerFields(patch, current, EXPOSURE_SERVER_FIELDS);
  const {
    id: _id,
    incidentId: _incident,
    published: _published,
    createdAt: _created,
    updatedAt: _updated,
    ...editable
  } = current;
  return parse(exposureSchema, mergePatch(editable, patch));
}

/** A request body that must be a JSON object (a merge patch, or a new resource). */
function jsonObjectBody(body: unknown): JsonObject {
  if (!isJsonObject(body)) {
    throw AppError.badRequest('invalid_request', 'The request body must be a JSON object.');
  }
  return body;
}

type ServerFields = Readonly<Record<string, string>>;

// Timestamps are not listed: they are always the server's and silently ignored, so a client may
// send back what it read. These are refused when they differ, because ignoring them would let a
// client believe it had moved or published something.
const INCIDENT_SERVER_FIELDS: ServerFields = { id: 'id is assigned by the server and cannot be changed' };

const EXPOSURE_SERVER_FIELDS: ServerFields = {
  id: 'id is assigned by the server and cannot be changed',
  incidentId: 'incidentId cannot be changed: an exposure stays with the incident it was created under',
  published: 'published is changed only through POST /api/v1/admin/exposures/{exposureId}/publish and /unpublish',
};

function rejectServerFields(body: JsonObject, current: object, fields: ServerFields): void {
  for (const [field, message] of Object.entries(fields)) {
    if (Object.hasOwn(body, field) && body[field] !== Reflect.get(current, field)) {
      throw AppError.badRequest('invalid_request', message, field);
    }
  }
}

function parse<Output>(schema: z.ZodType<Output>, value: unknown): Output {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { issues } = result.error;
  const shown = issues.slice(0, 5).map((issue) => `${pathOf(issue.path)}: ${issue.message}`);
  const more = issues.length - shown.length;
  const message = shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
  const first = issues[0];
  throw new AppError('invalid_request', 400, message, {
    ...(first !== undefined && { field: pathOf(first.path) }),
    problems: issues.slice(0, MAX_PROBLEMS).map((issue) => inputProblemOf(issue, value)),
  });
}

// A form can hold only so many problems worth reading at once; the rest show once these are fixed.
const MAX_PROBLEMS = 30;

/**
 * Our own issues (custom ones) carry their problem in `params`, written by `problemParams`; zod's
 * own are read from their code. The English message stays the API's; consoles render these.
 */
function inputProblemOf(issue: z.core.$ZodIssue, input: unknown): InputProblem {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  return { path, ...whatOf(issue, valueAt(input, path) === undefined) };
}

/** What the client sent at `path` (zod's issues do not carry it). */
function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function whatOf(issue: z.core.$ZodIssue, missing: boolean): InputProblemWhat {
  switch (issue.code) {
    case 'custom': {
      const what = (issue.params as { problem?: InputProblemWhat } | undefined)?.problem;
      return what ?? { kind: 'invalid' };
    }
    case 'invalid_type':
      if (missing) return { kind: 'required' };
      if (issue.expected === 'number' || issue.expected === 'int') return { kind: 'notWholeNumber' };
      if (issue.expected === 'boolean') return { kind: 'notBoolean' };
      return { kind: 'wrongType' };
    case 'too_big':
      if (issue.origin === 'string') return { kind: 'tooLong', max: Number(issue.maximum) };
      if (issue.origin === 'array') return { kind: 'tooMany', max: Number(issue.maximum) };
      return { kind: 'notWholeNumber' };
    case 'too_small':
      if (issue.origin === 'array') return { kind: 'tooFew', min: Number(issue.minimum) };
      return { kind: 'negative' };
    // The only patterns these schemas test are dates'.
    case 'invalid_format':
      return { kind: 'notDate' };
    case 'invalid_value':
      return { kind: 'notChoice' };
    default:
      return missing ? { kind: 'required' } : { kind: 'wrongType' };
  }
}

/** The `params` of one of our issues: the problem a console shows for it. */
function problemParams(problem: InputProblemWhat): { problem: InputProblemWhat } {
  return { problem };
}

/** `dataExposed[1]`, `attackWindow.from`: the field as the client wrote it. */
function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
