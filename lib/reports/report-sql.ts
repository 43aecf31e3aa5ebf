import { Prisma } from '@/lib/db/generated/client';
import { storedTime } from '@/lib/db/stored-time';
import type { Granularity } from './report-period';

// SQL pieces every report query shares. Timestamps are stored as UTC wall time (timestamp
// without time zone); instants go in as ISO strings, and local time is computed in the
// database so its zone rules (DST, half-hour offsets) apply.

/** An instant as the stored columns see it. */
export const at = storedTime;

/** A stored column as wall time in the report's zone. */
export const local = (column: Prisma.Sql, tz: string) => Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${tz})`;

/** `column` within [from, to). */
export const within = (column: Prisma.Sql, from: Date, to: Date) => Prisma.sql`${column} >= ${at(from)} AND ${column} < ${at(to)}`;

/** Seconds between two stored timestamps. */
export const seconds = (later: Prisma.Sql, earlier: Prisma.Sql) => Prisma.sql`EXTRACT(EPOCH FROM (${later} - ${earlier}))`;

export const unit = (granularity: Granularity) => Prisma.raw(granularity === 'hour' ? `'hour'` : `'day'`);

/** A bucket's label: its local start, as the charts show it. */
export const bucketLabel = (localTimestamp: Prisma.Sql) => Prisma.sql`to_char(${localTimestamp}, 'YYYY-MM-DD"T"HH24:MI')`;

/**
 * The period's buckets as a CTE `buckets(label, starts, ends)`: local hours or days, with their
 * bounds as stored timestamps (clipped to the period), so series have a row for empty buckets too.
 */
export function bucketsCte({ from, to, tz, granularity }: { from: Date; to: Date; tz: string; granularity: Granularity }): Prisma.Sql {
  const step = Prisma.raw(granularity === 'hour' ? `interval '1 hour'` : `interval '1 day'`);
  return Prisma.sql`buckets AS (
    SELECT ${bucketLabel(Prisma.sql`series.local_start`)} AS label,
      GREATEST((series.local_start AT TIME ZONE ${tz}) AT TIME ZONE 'UTC', ${at(from)}) AS starts,
      LEAST(((series.local_start + ${step}) AT TIME ZONE ${tz}) AT TIME ZONE 'UTC', ${at(to)}) AS ends
    FROM generate_series(
      date_trunc(${unit(granularity)}, ${local(at(from), tz)}),
      ${local(at(to), tz)} - interval '1 millisecond',
      ${step}
    ) AS series(local_start)
  )`;
}

/** Rounds a nullable SQL number for JSON (Prisma returns Decimal/BigInt otherwise). */
export const toNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
