import { FALLBACK_LANGUAGE, fallbackOrder, isLanguage, LANGUAGE_PATTERN, LANGUAGES, type Language } from './languages';

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

// Only the values we write (the languages) are honoured; anything else in the cookie is ignored.
const COOKIE_VALUE = new RegExp(`(?:^|;\\s*)${LANGUAGE_COOKIE}=(${LANGUAGE_PATTERN})\\s*(?:;|$)`);

export function chooseLanguage(signals: LanguageSignals): LanguageChoice {
  if (isLanguage(signals.form)) return { language: signals.form, picked: false };
  if (isLanguage(signals.query)) return { language: signals.query, picked: true };
  const remembered = languageCookie(signals.cookieHeader);
  if (remembered !== undefined) return { language: remembered, picked: false };
  const accepted = signals.acceptsLanguages(...LANGUAGES);
  return { language: isLanguage(accepted) ? accepted : FALLBACK_LANGUAGE, picked: false };
}

/** The language the switch offers. Pages have one switch link: to the first other language in LANGUAGES order. */
export function otherLanguage(language: Language): Language {
  return fallbackOrder(language)[1] ?? language;
}

function languageCookie(header: string | undefined): Language | undefined {
  const match = COOKIE_VALUE.exec(header ?? '');
  return match?.[1] as Language | undefined;
}
