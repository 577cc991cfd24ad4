import { LOCALE_TAGS, perLanguage, type Language } from './languages';

/** A closed or open span of calendar dates (ISO yyyy-mm-dd); either end may be unknown. */
export interface DateWindow {
  from?: string;
  to?: string;
}

// Calendar dates (yyyy-mm-dd) have no time of day: format them in UTC so no time zone shifts a day.
const formatters = perLanguage(
  (language) => new Intl.DateTimeFormat(LOCALE_TAGS[language], { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
);

/** How a window reads when one end is open, and (where Intl's range will not do) when it has both. */
interface WindowWords {
  from: (date: string) => string;
  until: (date: string) => string;
  /** Without it, Intl's formatRange: "22 January – 12 February 2018". */
  range?: (from: string, to: string) => string;
}

const WINDOW_WORDS: Record<Language, WindowWords> = {
  ja: {
    from: (date) => `${date}以降`,
    until: (date) => `${date}まで`,
    // ICU's Japanese range falls back to numeric dates (2018/01/22～2018/02/12); spell both ends out.
    range: (from, to) => `${from}～${to}`,
  },
  en: { from: (date) => `from ${date}`, until: (date) => `until ${date}` },
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
  const formatter = formatters[language];
  const words = WINDOW_WORDS[language];
  if (from !== undefined && to !== undefined) {
    if (from.getTime() === to.getTime()) return formatter.format(from);
    return words.range ? words.range(formatter.format(from), formatter.format(to)) : formatter.formatRange(from, to);
  }
  if (from !== undefined) return words.from(formatter.format(from));
  if (to !== undefined) return words.until(formatter.format(to));
  return undefined;
}

function calendarDate(iso: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
