import type { Prisma } from '@/lib/db/generated/client';

// Failed sign-ins are free up to a point; the failure that reaches the limit locks the key, and
// each further one locks it for twice as long as the last, up to a ceiling. Per account it
// stops password guessing on one user; per client (IP) it stops one client spraying many
// accounts, with more headroom because offices share an address.
export const THROTTLE_POLICY = {
  account: { failuresBeforeLock: 5 },
  client: { failuresBeforeLock: 20 },
  firstLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  // Failures older than this since the previous one start the count again.
  windowMs: 15 * 60_000,
} as const;

export type ThrottleScope = 'account' | 'client';

export type ThrottleSubject = { email: string; clientIp: string };

type Tx = Prisma.TransactionClient;

function keysFor({ email, clientIp }: ThrottleSubject): Record<ThrottleScope, string> {
  return { account: `account:${email.toLowerCase()}`, client: `client:${clientIp}` };
}

/** How long a key stays locked after its `failures`-th consecutive failure (0 = not locked). */
export function lockDurationMs(scope: ThrottleScope, failures: number): number {
  const over = failures - THROTTLE_POLICY[scope].failuresBeforeLock;
  if (over < 0) return 0;
  return Math.min(THROTTLE_POLICY.firstLockMs * 2 ** over, THROTTLE_POLICY.maxLockMs);
}

/** Seconds until the subject may try again, or null when neither key is locked. */
export async function getLockout(tx: Tx, subject: ThrottleSubject, now: Date): Promise<number | null> {
  const keys = Object.values(keysFor(subject));
  const locked = await tx.loginThrottle.findMany({
    where: { key: { in: keys }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  const until = Math.max(0, ...locked.map((row) => row.lockedUntil?.getTime() ?? 0));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : null;
}

/** Counts a failure against both keys; returns the scopes this failure locked. */
export async function recordFailedSignIn(tx: Tx, subject: ThrottleSubject, now: Date): Promise<ThrottleScope[]> {
  const windowStart = new Date(now.getTime() - THROTTLE_POLICY.windowMs);
  const locked: ThrottleScope[] = [];
  for (const [scope, key] of Object.entries(keysFor(subject)) as [ThrottleScope, string][]) {
    // One atomic statement, so concurrent failures on several app instances all count.
    const [row] = await tx.$queryRaw<{ failures: number }[]>`
      INSERT INTO "LoginThrottle" ("key", "failures", "lastFailureAt")
      VALUES (${key}, 1, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "LoginThrottle"."lastFailureAt" < ${windowStart} THEN 1
                          ELSE "LoginThrottle"."failures" + 1 END,
        "lastFailureAt" = ${now}
      RETURNING "failures"`;
    const lockMs = lockDurationMs(scope, row?.failures ?? 1);
    if (lockMs > 0) {
      await tx.loginThrottle.update({ where: { key }, data: { lockedUntil: new Date(now.getTime() + lockMs) } });
      locked.push(scope);
    }
  }
  return locked;
}

/** A correct password clears the account's count; the client's count stays (it may be spraying). */
export async function recordSuccessfulSignIn(tx: Tx, subject: ThrottleSubject): Promise<void> {
  await tx.loginThrottle.deleteMany({ where: { key: keysFor(subject).account } });
}
