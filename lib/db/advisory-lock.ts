import type { Prisma } from './generated/client';

/**
 * Holds a PostgreSQL advisory lock until the transaction ends, across app instances. A number
 * is the key itself; a string is hashed to one by the database (hashtext). The cast to text is
 * there because Prisma cannot read the function's void result.
 */
export async function takeAdvisoryLock(tx: Prisma.TransactionClient, key: number | string): Promise<void> {
  if (typeof key === 'string') await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))::text AS locked`;
  else await tx.$queryRaw`SELECT pg_advisory_xact_lock(${key})::text AS locked`;
}
