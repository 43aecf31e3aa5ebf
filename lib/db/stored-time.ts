import { Prisma } from '@/lib/db/generated/client';

/**
 * An instant as the stored columns hold it: UTC wall time (timestamp without time zone, as Prisma
 * writes them), for raw SQL that compares with or writes those columns.
 */
export const storedTime = (instant: Date) => Prisma.sql`(${instant.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
