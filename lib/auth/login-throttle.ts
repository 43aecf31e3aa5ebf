import { db } from '@/lib/db/client';

// Failed sign-ins are free up to a point; after that each further failure locks the key for
// twice as long as the last, up to a ceiling. Per account it stops password guessing on one
// user; per client (IP) it stops one client spraying many accounts, with more headroom
// because offices share an address.
export const THROTTLE_POLICY = {
  account: { freeFailures: 5 },
  client: { freeFailures: 20 },
  firstLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  // Failures older than this since the previous one start the count again.
  windowMs: 15 * 60_000,
} as const;

type Scope = 'account' | 'client';

export type ThrottleSubject = { email: string; clientIp: string };

function keysFor({ email, clientIp }: ThrottleSubject): Record<Scope, string> {
  return { account: `account:${email.toLowerCase()}`, client: `client:${clientIp}` };
}

/** How long a key stays locked after its `failures`-th consecutive failure (0 = not locked). */
export function lockDurationMs(scope: Scope, failures: number): number {
  const over = failures - THROTTLE_POLICY[scope].freeFailures;
  if (over <= 0) return 0;
  return Math.min(THROTTLE_POLICY.firstLockMs * 2 ** (over - 1), THROTTLE_POLICY.maxLockMs);
}

/** Seconds until the subject may try again, or null when neither key is locked. */
export async function getLockout(subject: ThrottleSubject, now = new Date()): Promise<number | null> {
  const keys = Object.values(keysFor(subject));
  const locked = await db.loginThrottle.findMany({
    where: { key: { in: keys }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  const until = Math.max(0, ...locked.map((row) => row.lockedUntil?.getTime() ?? 0));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : null;
}

export async function recordFailedSignIn(subject: ThrottleSubject, now = new Date()): Promise<void> {
  const windowStart = new Date(now.getTime() - THROTTLE_POLICY.windowMs);
  for (const [scope, key] of Object.entries(keysFor(subject)) as [Scope, string][]) {
    // One atomic statement, so concurrent failures on several app instances all count.
    const [row] = await db.$queryRaw<{ failures: number }[]>`
      INSERT INTO "LoginThrottle" ("key", "failures", "lastFailureAt")
      VALUES (${key}, 1, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "LoginThrottle"."lastFailureAt" < ${windowStart} THEN 1
                          ELSE "LoginThrottle"."failures" + 1 END,
        "lastFailureAt" = ${now}
      RETURNING "failures"`;
    const lockMs = lockDurationMs(scope, row?.failures ?? 1);
    if (lockMs > 0) {
      await db.loginThrottle.update({ where: { key }, data: { lockedUntil: new Date(now.getTime() + lockMs) } });
    }
  }
}

/** A correct password clears the account's count; the client's count stays (it may be spraying). */
export async function recordSuccessfulSignIn(subject: ThrottleSubject): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: keysFor(subject).account } });
}
