import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { FIRST_RESPONSE_SECONDS } from './metric-definitions';
import { conversationScope } from './report-filters';
import type { ReportPeriod } from './report-period';
import type { TReportFilters } from './report-query';
import { toNumber, within } from './report-sql';

/** The distribution's bands: upper bounds in seconds (the last band is open-ended). */
export const FIRST_RESPONSE_BANDS = [
  { label: '< 1 min', upTo: 60 },
  { label: '1–5 min', upTo: 300 },
  { label: '5–15 min', upTo: 900 },
  { label: '15–30 min', upTo: 1800 },
  { label: '30–60 min', upTo: 3600 },
  { label: '1–4 h', upTo: 14_400 },
  { label: '4–24 h', upTo: 86_400 },
  { label: '> 24 h', upTo: null },
] as const;

export type FirstResponseBand = { band: string; conversations: number };

/** How many conversations (first customer message in the period) were first answered within each band. */
export async function readFirstResponseDistribution({ period, filters }: { period: ReportPeriod; filters: TReportFilters }): Promise<FirstResponseBand[]> {
  const bounds = FIRST_RESPONSE_BANDS.flatMap((band) => (band.upTo === null ? [] : [band.upTo]));
  const rows = await db.$queryRaw<{ band: number; count: unknown }[]>(Prisma.sql`
    SELECT width_bucket(${FIRST_RESPONSE_SECONDS}, ARRAY[${Prisma.join(bounds)}]::float8[]) AS band, count(*) AS count
    FROM "ConversationIndex" c
    WHERE ${conversationScope(filters)} AND c."firstResponseAt" IS NOT NULL AND ${within(Prisma.sql`c."firstInboundAt"`, period.from, period.to)}
    GROUP BY 1
  `);
  return FIRST_RESPONSE_BANDS.map((band, index) => ({
    band: band.label,
    conversations: toNumber(rows.find((row) => Number(row.band) === index)?.count) ?? 0,
  }));
}
