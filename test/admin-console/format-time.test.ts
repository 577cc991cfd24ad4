import { formatTime, timeZoneAbbreviation, timeZoneLabel, timeZoneName } from '../../src/console/format-time';

describe('console times in the configured time zone', () => {
  it('when the zone is Japan\'s, then times read in Japan time and say so in words', () => {
    expect(formatTime('2026-11-21T09:00:00.000Z', 'en', 'Asia/Tokyo')).toMatch(/18:00 \(Japan time\)$/);
    expect(formatTime('2026-11-21T09:00:00.000Z', 'ja', 'Asia/Tokyo')).toMatch(/18:00（日本時間）$/);
    expect(timeZoneLabel('Asia/Tokyo', 'en')).toBe('Japan time (Asia/Tokyo)');
    expect(timeZoneAbbreviation('Asia/Tokyo', new Date())).toBe('JST');
  });

  it('when another zone is configured, then times read in it and name it by its IANA name', () => {
    expect(formatTime('2026-11-21T09:00:00.000Z', 'en', 'Europe/Berlin')).toMatch(/10:00 \(Europe\/Berlin\)$/);
    expect(formatTime('2026-07-21T09:00:00.000Z', 'ja', 'Europe/Berlin')).toMatch(/11:00（Europe\/Berlin）$/);
    expect(timeZoneName('Europe/Berlin', 'ja')).toBe('Europe/Berlin');
    expect(timeZoneLabel('UTC', 'en')).toBe('UTC');
    expect(timeZoneAbbreviation('Europe/Berlin', new Date('2026-07-21T09:00:00.000Z'))).toBe('GMT+2');
  });

  it('when the time is unreadable, then it is shown as it is', () => {
    expect(formatTime('not a time', 'en', 'Asia/Tokyo')).toBe('not a time');
  });
});
