import { exposureFormFrom, exposureFormOf, EMPTY_EXPOSURE_FORM, EMPTY_INCIDENT_FORM, incidentFormOf } from '../../src/catalog/catalog-forms';
import type { Exposure } from '../../src/catalog/catalog-model';
import { DATA_CLASS_ADVICE, DATA_CLASSES } from '../../src/catalog/data-classes';
import { auditPageMessagesFor } from '../../src/audit/audit-page-messages';
import { adminMessagesFor } from '../../src/console/admin-messages';
import { staffMessagesFor } from '../../src/console/console-messages';
import { formatCount, formatTime } from '../../src/console/format-time';
import { chooseLanguage, otherLanguage } from '../../src/i18n/choose-language';
import { formatDate } from '../../src/i18n/format-dates';
import {
  FALLBACK_LANGUAGE,
  fallbackOrder,
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGE_PATTERN,
  LANGUAGES,
  LOCALE_TAGS,
  perLanguage,
  type Language,
} from '../../src/i18n/languages';
import { textIn } from '../../src/i18n/localized-text';
import { messagesFor } from '../../src/i18n/messages';
import { statsPageMessagesFor } from '../../src/stats/stats-page-messages';
import { supportMessagesFor } from '../../src/support/support-messages';

const NOT_LANGUAGES = ['', 'fr', 'j', 'jax', 'JA', 'En', 'ja-JP', 'ja|en', ' ja', 'en '];

describe('languages.ts: the languages, their order and their locale tags', () => {
  it('lists each language once, the fallback first', () => {
    expect(new Set(LANGUAGES).size).toBe(LANGUAGES.length);
    expect(FALLBACK_LANGUAGE).toBe(LANGUAGES[0]);
  });

  it('gives each language a locale tag that Intl knows, for that language', () => {
    for (const language of LANGUAGES) {
      const tag = LOCALE_TAGS[language];
      expect(Intl.getCanonicalLocales(tag)).toEqual([tag]);
      expect(new Intl.Locale(tag).language).toBe(language);
      expect(Intl.DateTimeFormat.supportedLocalesOf(tag)).toEqual([tag]);
      expect(Intl.NumberFormat.supportedLocalesOf(tag)).toEqual([tag]);
    }
    expect(Object.keys(LOCALE_TAGS).sort()).toEqual([...LANGUAGES].sort());
  });

  it('names each language in itself', () => {
    for (const language of LANGUAGES) expect(LANGUAGE_NAMES[language]).not.toBe('');
    expect(Object.keys(LANGUAGE_NAMES).sort()).toEqual([...LANGUAGES].sort());
  });

  it('recognizes exactly the languages, in isLanguage and in the cookie value pattern', () => {
    const whole = new RegExp(`^${LANGUAGE_PATTERN}$`);
    for (const language of LANGUAGES) {
      expect(isLanguage(language)).toBe(true);
      expect(whole.test(language)).toBe(true);
    }
    for (const other of [...NOT_LANGUAGES, undefined, null, 1, ['ja']]) expect(isLanguage(other)).toBe(false);
    for (const other of NOT_LANGUAGES) expect(whole.test(other)).toBe(false);
  });

  it('honours a language cookie of every language and of nothing else', () => {
    const choose = (cookieHeader: string) =>
      chooseLanguage({ form: undefined, query: undefined, cookieHeader, acceptsLanguages: () => false }).language;
    for (const language of LANGUAGES) {
      expect(choose(`lang=${language}`)).toBe(language);
      expect(choose(`theme=dark; lang=${language}; other=1`)).toBe(language);
    }
    // Blanks after the value are tolerated: `lang=en ` is English.
    for (const other of NOT_LANGUAGES.filter((value) => !isLanguage(value.trimEnd()))) {
      expect(choose(`lang=${other}`)).toBe(FALLBACK_LANGUAGE);
      expect(choose(`lang=${other}; other=1`)).toBe(FALLBACK_LANGUAGE);
    }
  });

  it('falls back through the other languages in order, and switches to another language', () => {
    for (const language of LANGUAGES) {
      expect(fallbackOrder(language)[0]).toBe(language);
      expect([...fallbackOrder(language)].sort()).toEqual([...LANGUAGES].sort());
      expect(otherLanguage(language)).not.toBe(language);
      const onlyOther: Partial<Record<Language, string>> = { [otherLanguage(language)]: 'text' };
      expect(textIn(onlyOther, language)).toBe('text');
    }
  });

  it('formats dates and numbers with each language\'s locale tag', () => {
    for (const language of LANGUAGES) {
      const tag = LOCALE_TAGS[language];
      expect(formatCount(28700, language)).toBe((28700).toLocaleString(tag));
      expect(formatDate('2018-01-22', language)).toBe(
        new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date('2018-01-22T00:00:00Z')),
      );
      expect(formatTime('2026-11-21T09:00:00.000Z', language, 'Asia/Tokyo')).toContain(
        new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(new Date('2026-11-21T09:00:00.000Z')),
      );
    }
  });
});

describe('every catalogue keyed by language has every language', () => {
  const catalogues: [string, (language: Language) => object][] = [
    ['public pages', messagesFor],
    ['staff console', staffMessagesFor],
    ['admin pages', adminMessagesFor],
    ['stats page', statsPageMessagesFor],
    ['audit page', auditPageMessagesFor],
    ['support pages', supportMessagesFor],
  ];

  it.each(catalogues)('%s', (_name, messagesIn) => {
    const texts = LANGUAGES.map(messagesIn);
    for (const text of texts) expect(text).toEqual(expect.any(Object));
    // One object per language, not one language's strings filed under another.
    expect(new Set(texts).size).toBe(LANGUAGES.length);
  });

  it('labels every language\'s form input, in every language', () => {
    for (const language of LANGUAGES) expect(Object.keys(adminMessagesFor(language).common.languageLabels).sort()).toEqual([...LANGUAGES].sort());
  });

  it('writes our own data-class words in every language', () => {
    for (const words of [...Object.values(DATA_CLASSES), ...Object.values(DATA_CLASS_ADVICE)]) {
      for (const language of LANGUAGES) expect(words[language]).not.toBe('');
    }
  });
});

describe('the console forms have an input for every language', () => {
  it('reads and shows `<name>_<language>` for each language', () => {
    const typed = perLanguage((language) => `title in ${language}`);
    const fields = Object.fromEntries(LANGUAGES.map((language) => [`title_${language}`, typed[language]]));
    expect(incidentFormOf(fields).title).toEqual(typed);
    expect(exposureFormOf(fields).title).toEqual(typed);
    const exposure: Exposure = {
      id: 'e',
      incidentId: 'i',
      title: typed,
      dataExposed: [],
      dataPossiblyExposed: [],
      dataNotExposed: [],
      sensitive: false,
      published: false,
      createdAt: '2026-11-21T09:00:00.000Z',
      updatedAt: '2026-11-21T09:00:00.000Z',
    };
    expect(exposureFormFrom(exposure).title).toEqual(typed);
    expect(exposureFormFrom(exposure).advice).toEqual(perLanguage(() => ''));
  });

  it('starts empty in every language', () => {
    const empty = perLanguage(() => '');
    for (const form of [EMPTY_INCIDENT_FORM, EMPTY_EXPOSURE_FORM]) expect(form.title).toEqual(empty);
  });
});
