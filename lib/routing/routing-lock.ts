import { takeAdvisoryLock } from '@/lib/db/advisory-lock';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';

// One lock for every ownership decision, across app instances: assignment decisions are
// short (a few statements, never a call to Twilio), so serializing them is cheap and rules out
// double assignment and over-capacity by construction.
const ROUTING_LOCK_KEY = 0x5b0a_2d01;

export async function takeRoutingLock(tx: Prisma.TransactionClient): Promise<void> {
  await takeAdvisoryLock(tx, ROUTING_LOCK_KEY);
}

/** Runs one ownership decision in a transaction under the routing lock. */
export function inRoutingTransaction<T>(decide: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await takeRoutingLock(tx);
    return decide(tx);
  });
}
