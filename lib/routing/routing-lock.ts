import { takeAdvisoryLock } from '@/lib/db/advisory-lock';
import type { Prisma } from '@/lib/db/generated/client';

// One lock for every ownership decision, across app instances: assignment decisions are
// rare (one per conversation), so serializing them is cheap and rules out double
// assignment and over-capacity by construction. Held only for a few queries — never across
// a call to Twilio.
const ROUTING_LOCK_KEY = 0x5b0a_2d01;

export async function takeRoutingLock(tx: Prisma.TransactionClient): Promise<void> {
  await takeAdvisoryLock(tx, ROUTING_LOCK_KEY);
}
