import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, format } from 'date-fns';
import type { TReportQuery } from './report-query';

export type Granularity = 'hour' | 'day';

/** A half-open interval of instants [from, to), with the calendar days it covers in its zone. */
export type Period = { from: Date; to: Date; firstDay: string; lastDay: string };

export type ReportPeriod = Period & { tz: string; granularity: Granularity; previous: Period; now: Date };

const DAYS: Record<Exclude<TReportQuery['range'], 'custom'>, number> = { today: 1, '7d': 7, '30d': 30 };

/**
 * The instants a report covers, in its time zone: "today" and the last 7 or 30 days end now
 * (today included); a custom range runs from the start of its first day to the end of its
 * last. The previous period is the same number of days just before, for the comparisons.
 * Series are hourly for a day or two, daily beyond.
 */
export function resolvePeriod(query: Pick<TReportQuery, 'range' | 'from' | 'to' | 'tz'>, now: Date): ReportPeriod {
  const tz = query.tz;
  const today = format(new TZDate(now.getTime(), tz), 'yyyy-MM-dd');
  const firstDay = query.range === 'custom' ? query.from! : shiftDay(today, -(DAYS[query.range] - 1));
  const lastDay = query.range === 'custom' ? query.to! : today;
  const days = differenceInCalendarDays(parseDay(lastDay), parseDay(firstDay)) + 1;
  const from = midnight(firstDay, tz);
  const endOfLastDay = midnight(shiftDay(lastDay, 1), tz);
  const to = query.range === 'custom' ? endOfLastDay : new Date(Math.min(now.getTime(), endOfLastDay.getTime()));
  const previousFirstDay = shiftDay(firstDay, -days);
  const previousFrom = midnight(previousFirstDay, tz);
  // The previous period covers as much of its days as this one does of its own (today so far).
  const previousTo = new Date(previousFrom.getTime() + (to.getTime() - from.getTime()));
  return {
    tz,
    from,
    to,
    firstDay,
    lastDay,
    now,
    granularity: days <= 2 ? 'hour' : 'day',
    previous: { from: previousFrom, to: previousTo, firstDay: previousFirstDay, lastDay: shiftDay(firstDay, -1) },
  };
}

function parseDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date);
}

function shiftDay(day: string, days: number): string {
  return format(addDays(parseDay(day), days), 'yyyy-MM-dd');
}

/** The instant a calendar day starts in the zone (DST-aware). */
function midnight(day: string, tz: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date, tz).getTime());
}
