// How report figures read. Shared by the page, its tables and the tests that compare the page
// with the CSV (which carries raw seconds and ratios).

/** "45s", "5m 3s", "2h 5m", "3d 4h": a duration to the two largest units. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const total = Math.round(seconds);
  if (total < 60) return `${total}s`;
  if (total < 3600) return `${Math.floor(total / 60)}m ${total % 60}s`;
  if (total < 86_400) return `${Math.floor(total / 3600)}h ${Math.floor((total % 3600) / 60)}m`;
  return `${Math.floor(total / 86_400)}d ${Math.floor((total % 86_400) / 3600)}h`;
}

/** A 0–1 share as a whole percentage. */
export function formatPercent(ratio: number | null): string {
  return ratio === null ? '—' : `${Math.round(ratio * 100)}%`;
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

export function formatAverage(value: number | null): string {
  return value === null ? '—' : value.toFixed(1);
}

export type Change = { text: string; tone: 'better' | 'worse' | 'same' };

/**
 * The change against the previous period: a percentage for counts and durations, points for
 * shares. `higherIsBetter` colours it (more resolved is good, slower responses are not).
 */
export function describeChange(current: number | null, previous: number | null, { kind, higherIsBetter }: { kind: 'relative' | 'points'; higherIsBetter: boolean | null }): Change | null {
  if (current === null || previous === null) return null;
  const difference = current - previous;
  const tone = (moved: number): Change['tone'] => (moved === 0 || higherIsBetter === null ? 'same' : moved > 0 === higherIsBetter ? 'better' : 'worse');
  if (kind === 'points') {
    const points = Math.round(difference * 100);
    return { text: points === 0 ? 'no change' : `${points > 0 ? '+' : '−'}${Math.abs(points)} pts`, tone: tone(points) };
  }
  if (previous === 0) return current === 0 ? { text: 'no change', tone: 'same' } : { text: 'new', tone: tone(difference) };
  const percent = Math.round((difference / previous) * 100);
  return { text: percent === 0 ? 'no change' : `${percent > 0 ? '+' : '−'}${Math.abs(percent)}%`, tone: tone(percent) };
}

/** A bucket label ("2026-11-21T14:00") as an axis reads it: the hour for hourly series, the day otherwise. */
export function formatBucket(bucket: string, granularity: 'hour' | 'day'): string {
  const [day, time] = bucket.split('T') as [string, string];
  if (granularity === 'hour') return time;
  const [, month, date] = day.split('-');
  return `${Number(date)} ${MONTHS[Number(month) - 1]}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
