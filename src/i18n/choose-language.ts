import { LANGUAGES, type Language } from './localized-text';

/** Where a page's language can come from, strongest first. */
export interface LanguageSignals {
  /** The check form's hidden field: the result comes in the language of the form that was filled in. */
  form: unknown;
  /** `?lang=` on a GET page: the language switch. */
  query: unknown;
  /** The raw Cookie header. */
  cookieHeader: string | undefined;
  /** req.acceptsLanguages bound to the request. */
  acceptsLanguages: (...languages: Language[]) => string | false;
}

export interface LanguageChoice {
  language: Language;
  /** True when the customer picked it with the switch: worth remembering in the cookie. */
  picked: boolean;
}

export const LANGUAGE_COOKIE = 'lang';

// Japanese first: the first customers are Japanese, and a browser without a preference gets Japanese.
const DEFAULT_LANGUAGE: Language = 'ja';

export function chooseLanguage(signals: LanguageSignals): LanguageChoice {
  if (isLanguage(signals.form)) return { language: signals.form, picked: false };
  if (isLanguage(signals.query)) return { language: signals.query, picked: true };
  const remembered = languageCookie(signals.cookieHeader);
  if (remembered !== undefined) return { language: remembered, picked: false };
  const accepted = signals.acceptsLanguages(...LANGUAGES);
  return { language: isLanguage(accepted) ? accepted : DEFAULT_LANGUAGE, picked: false };
}

export function otherLanguage(language: Language): Language {
  return language === 'ja' ? 'en' : 'ja';
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

// Only the two values we write are honoured; anything else in the cookie is ignored.
function languageCookie(header: string | undefined): Language | undefined {
  const match = /(?:^|;\s*)lang=(ja|en)\s*(?:;|$)/.exec(header ?? '');
  return match?.[1] as Language | undefined;
}
