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

// This instance's decisions wait their turn here, holding nothing, rather than each holding a
// pooled connection while it waits for the lock: under a burst of new conversations the waiters
// would otherwise take every connection and starve the rest of the app.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs one ownership decision in a transaction under the routing lock. Decisions never nest
 * (one would wait for the other forever), and each is a handful of statements.
 */
export function inRoutingTransaction<T>(decide: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  const turn = queue.then(() =>
    db.$transaction(async (tx) => {
      await takeRoutingLock(tx);
      return decide(tx);
    }),
  );
  queue = turn.catch(() => undefined);
  return turn;
}
