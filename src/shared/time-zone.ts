/**
 * The one time zone the service reads days and times in (TIME_ZONE): the statistics count per day
 * of it, the audit log's dates are its days, the consoles show times in it. Calendar arithmetic
 * only, on IANA zone names; what the zone is called in each language is the console's.
 */

/** The people who run an incident here work in Japan. Japan has no daylight saving. */
export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The zone's canonical IANA name ("asia/tokyo" -> "Asia/Tokyo"), or undefined when Intl knows no such zone. */
export function canonicalTimeZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of `instant` in `zone`. */
function wallClock(instant: Date, zone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  let formatter = partFormatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormatters.set(zone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** How far `zone`'s wall clock is ahead of UTC at `instant`, in milliseconds (whole seconds). */
function offsetMs(instant: Date, zone: string): number {
  const wall = wallClock(instant, zone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The calendar day (YYYY-MM-DD) `instant` falls on in `zone`. */
export function localDate(instant: Date, zone: string): string {
  return dayOf(wallClock(instant, zone));
}

function dayOf({ year, month, day }: { year: number; month: number; day: number }): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2026-11-21 18:00:05": `instant`'s wall-clock time in `zone`, to the second. */
export function localDateTime(instant: Date, zone: string): string {
  // One read of the wall clock for the day and the time alike.
  const wall = wallClock(instant, zone);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${dayOf(wall)} ${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
}

/** Whether `day` is a real calendar day written YYYY-MM-DD (2026-02-31 is not). */
export function isCalendarDay(day: string): boolean {
  if (!DAY.test(day)) return false;
  const utc = new Date(`${day}T00:00:00.000Z`);
  return !Number.isNaN(utc.getTime()) && utc.toISOString().slice(0, 10) === day;
}

/** The calendar day `days` after `day` (negative: before); calendar arithmetic, whatever the zone. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The first instant of calendar day `day` in `zone`: its midnight, or, where a clock change skips
 * midnight, the first moment the clock shows that day.
 */
export function startOfLocalDay(day: string, zone: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00.000Z`);
  // Midnight local is midnight UTC minus the offset; the offset at that instant may differ from
  // the one at the guess (a change that day), so correct once more.
  let instant = midnightUtc - offsetMs(new Date(midnightUtc), zone);
  instant = midnightUtc - offsetMs(new Date(instant), zone);
  // A skipped midnight lands on the day before: step forward to where the day begins.
  while (localDate(new Date(instant), zone) < day) instant += 15 * 60 * 1000;
  while (localDate(new Date(instant - 1), zone) === day) instant -= 15 * 60 * 1000;
  return new Date(instant);
}

/** The last millisecond of calendar day `day` in `zone`. */
export function endOfLocalDay(day: string, zone: string): Date {
  return new Date(startOfLocalDay(addDays(day, 1), zone).getTime() - 1);
}
