import { addDays, canonicalTimeZone, endOfLocalDay, localDate, localDateTime, startOfLocalDay } from '../../src/shared/time-zone';

describe('days and times in the configured time zone', () => {
  it('when an instant is near midnight in Japan, then its day is the Japanese one', () => {
    expect(localDate(new Date('2026-11-20T14:59:59.999Z'), 'Asia/Tokyo')).toBe('2026-11-20');
    expect(localDate(new Date('2026-11-20T15:00:00.000Z'), 'Asia/Tokyo')).toBe('2026-11-21');
    expect(localDate(new Date('2026-11-20T15:00:00.000Z'), 'UTC')).toBe('2026-11-20');
    expect(localDateTime(new Date('2026-11-21T09:00:05.000Z'), 'Asia/Tokyo')).toBe('2026-11-21 18:00:05');
  });

  it('when a day is asked for, then it starts at its local midnight and ends just before the next, clock changes included', () => {
    expect(startOfLocalDay('2026-11-21', 'Asia/Tokyo').toISOString()).toBe('2026-11-20T15:00:00.000Z');
    expect(endOfLocalDay('2026-11-21', 'Asia/Tokyo').toISOString()).toBe('2026-11-21T14:59:59.999Z');
    expect(startOfLocalDay('2026-11-21', 'UTC').toISOString()).toBe('2026-11-21T00:00:00.000Z');
    // Berlin's summer time begins on 29 March and ends on 25 October: 23- and 25-hour days.
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(endOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-29T21:59:59.999Z');
    expect(endOfLocalDay('2026-10-25', 'Europe/Berlin').toISOString()).toBe('2026-10-25T22:59:59.999Z');
    // Santiago skips midnight when its summer time begins (6 September 2026): the day begins at 01:00.
    expect(localDateTime(startOfLocalDay('2026-09-06', 'America/Santiago'), 'America/Santiago')).toBe('2026-09-06 01:00:00');
  });

  it('when days are added, then it is calendar arithmetic', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('when a zone is named, then Intl gives its canonical name, or nothing for an unknown one', () => {
    expect(canonicalTimeZone('asia/tokyo')).toBe('Asia/Tokyo');
    expect(canonicalTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeUndefined();
    expect(canonicalTimeZone('')).toBeUndefined();
  });
});
