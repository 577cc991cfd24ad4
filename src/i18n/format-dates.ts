import type { DateWindow } from '../catalog/catalog-model';
import type { Language } from './localized-text';

// Calendar dates (yyyy-mm-dd) have no time of day: format them in UTC so no time zone shifts a day.
const LOCALES: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB' };
const formatters: Record<Language, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat(LOCALES.ja, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(LOCALES.en, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
};

/** "2018年1月22日" / "22 January 2018"; anything that is not a calendar date is shown as written. */
export function formatDate(iso: string, language: Language): string {
  const date = calendarDate(iso);
  return date === undefined ? iso : formatters[language].format(date);
}

/** "2018年1月22日～2018年2月12日" / "22 January – 12 February 2018"; open ends read "from" / "until". */
export function formatWindow(window: DateWindow | undefined, language: Language): string | undefined {
  const from = window?.from === undefined ? undefined : calendarDate(window.from);
  const to = window?.to === undefined ? undefined : calendarDate(window.to);
  if (from !== undefined && to !== undefined) {
    if (from.getTime() === to.getTime()) return formatters[language].format(from);
    // ICU's Japanese range falls back to numeric dates (2018/01/22～2018/02/12); spell both ends out.
    if (language === 'ja') return `${formatters.ja.format(from)}～${formatters.ja.format(to)}`;
    return formatters[language].formatRange(from, to);
  }
  if (from !== undefined) {
    const text = formatters[language].format(from);
    return language === 'ja' ? `${text}以降` : `from ${text}`;
  }
  if (to !== undefined) {
    const text = formatters[language].format(to);
    return language === 'ja' ? `${text}まで` : `until ${text}`;
  }
  return undefined;
}

function calendarDate(iso: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
