import { describe, expect, it } from 'vitest';
import { formatInZone, parseCronSchedule, timeZoneError } from './cron-schedule.js';

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number | undefined): string | undefined =>
  ms === undefined ? undefined : new Date(ms).toISOString();

describe('parseCronSchedule', () => {
  it('finds the next minute for * * * * *', () => {
    const s = parseCronSchedule('* * * * *');
    expect(iso(s.next(at('2026-01-01T10:00:00Z')))).toBe('2026-01-01T10:01:00.000Z');
    expect(iso(s.next(at('2026-01-01T10:00:30Z')))).toBe('2026-01-01T10:01:00.000Z');
  });

  it('handles steps, ranges, lists and names', () => {
    expect(iso(parseCronSchedule('*/15 * * * *').next(at('2026-01-01T10:16:00Z')))).toBe(
      '2026-01-01T10:30:00.000Z',
    );
    // 9, 13 and 17 on weekdays; 2026-01-02 is a Friday.
    const weekdays = parseCronSchedule('0 9-17/4 * * mon-fri');
    expect(iso(weekdays.next(at('2026-01-02T14:00:00Z')))).toBe('2026-01-02T17:00:00.000Z');
    expect(iso(weekdays.next(at('2026-01-02T17:00:00Z')))).toBe('2026-01-05T09:00:00.000Z');
    expect(iso(parseCronSchedule('30 6 1,15 jan *').next(at('2026-01-02T00:00:00Z')))).toBe(
      '2026-01-15T06:30:00.000Z',
    );
  });

  it('ORs day of month and day of week when both are restricted', () => {
    // 2026-01-03 is a Saturday; the 10th comes later.
    expect(iso(parseCronSchedule('0 0 10 * 6').next(at('2026-01-01T00:00:00Z')))).toBe(
      '2026-01-03T00:00:00.000Z',
    );
    expect(iso(parseCronSchedule('0 0 10 * *').next(at('2026-01-01T00:00:00Z')))).toBe(
      '2026-01-10T00:00:00.000Z',
    );
  });

  it('knows the descriptors and @every', () => {
    expect(iso(parseCronSchedule('@hourly').next(at('2026-01-01T10:20:00Z')))).toBe(
      '2026-01-01T11:00:00.000Z',
    );
    expect(iso(parseCronSchedule('@yearly').next(at('2026-03-01T00:00:00Z')))).toBe(
      '2027-01-01T00:00:00.000Z',
    );
    expect(iso(parseCronSchedule('@every 90s').next(at('2026-01-01T00:00:00.500Z')))).toBe(
      '2026-01-01T00:01:30.000Z',
    );
  });

  it('evaluates the schedule in the time zone', () => {
    const s = parseCronSchedule('0 9 * * *', 'Asia/Tokyo');
    expect(iso(s.next(at('2026-01-01T00:00:00Z')))).toBe('2026-01-02T00:00:00.000Z');
    expect(iso(parseCronSchedule('TZ=Asia/Tokyo 0 9 * * *').next(at('2026-01-01T00:00:00Z')))).toBe(
      '2026-01-02T00:00:00.000Z',
    );
  });

  it('rejects invalid schedules with robfig/cron messages and never matches Feb 31', () => {
    expect(() => parseCronSchedule('61 * * * *')).toThrow(
      'end of range (61) above maximum (59): 61',
    );
    expect(parseCronSchedule('0 0 31 2 *').next(at('2026-01-01T00:00:00Z'))).toBeUndefined();
  });
});

describe('time zones', () => {
  it('formats RFC 3339 with the zone offset', () => {
    expect(formatInZone(at('2026-01-01T00:00:00Z'), 'Asia/Tokyo')).toBe(
      '2026-01-01T09:00:00+09:00',
    );
    expect(formatInZone(at('2026-01-01T00:00:00Z'), '')).toBe('2026-01-01T00:00:00Z');
    expect(formatInZone(at('2026-07-01T12:00:00Z'), 'America/New_York')).toBe(
      '2026-07-01T08:00:00-04:00',
    );
  });

  it('reports unknown zones as time.LoadLocation does', () => {
    expect(timeZoneError('Mars/Olympus')).toBe('unknown time zone Mars/Olympus');
    expect(timeZoneError('Europe/Paris')).toBeUndefined();
  });
});
