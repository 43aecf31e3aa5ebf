import { describe, expect, it } from 'vitest';
import { resolvePeriod } from './report-period';

const now = new Date('2026-11-21T15:30:00Z');

describe('a report period', () => {
  it('is today so far in its time zone, compared with the same hours yesterday', () => {
    const period = resolvePeriod({ range: 'today', tz: 'America/New_York' }, now);
    expect(period.from).toEqual(new Date('2026-11-21T05:00:00Z'));
    expect(period.to).toEqual(now);
    expect(period.granularity).toBe('hour');
    expect(period.previous.from).toEqual(new Date('2026-11-20T05:00:00Z'));
    expect(period.previous.to).toEqual(new Date('2026-11-20T15:30:00Z'));
  });

  it('takes today as the last of 7 or 30 days', () => {
    const week = resolvePeriod({ range: '7d', tz: 'UTC' }, now);
    expect(week.from).toEqual(new Date('2026-11-15T00:00:00Z'));
    expect(week.firstDay).toBe('2026-11-15');
    expect(week.lastDay).toBe('2026-11-21');
    expect(week.granularity).toBe('day');
    expect(week.previous.from).toEqual(new Date('2026-11-08T00:00:00Z'));
    expect(resolvePeriod({ range: '30d', tz: 'UTC' }, now).from).toEqual(new Date('2026-10-23T00:00:00Z'));
  });

  it('runs a custom range from the start of its first day to the end of its last, across a DST change', () => {
    const period = resolvePeriod({ range: 'custom', from: '2026-10-24', to: '2026-10-25', tz: 'Europe/Paris' }, now);
    expect(period.from).toEqual(new Date('2026-10-23T22:00:00Z'));
    // Summer time ends on the 25th: that day has 25 hours.
    expect(period.to).toEqual(new Date('2026-10-25T23:00:00Z'));
    expect(period.previous).toMatchObject({ from: new Date('2026-10-21T22:00:00Z'), firstDay: '2026-10-22', lastDay: '2026-10-23' });
  });

  it('follows a zone with a half-hour offset', () => {
    expect(resolvePeriod({ range: 'today', tz: 'Asia/Kolkata' }, now).from).toEqual(new Date('2026-11-20T18:30:00Z'));
  });
});
