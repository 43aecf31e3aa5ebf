import { serializeByKey } from '@/lib/concurrency/serialize-by-key';
import { takeAdvisoryLock } from '@/lib/db/advisory-lock';
import { db } from '@/lib/db/client';
import { metrics } from '@/lib/observability/metrics';
import { getLockout, recordFailedSignIn, recordSuccessfulSignIn } from './login-throttle';
import { dummyPasswordHash, verifyPassword } from './password';
import type { Role } from './roles';

export type SignedInUser = { id: string; email: string; name: string; role: Role };

export type SignInResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: 'invalid' | 'disabled' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

type Attempt = { email: string; password: string; clientIp: string; now?: Date };

/**
 * Checks a password sign-in, one attempt per account at a time: the lock is checked, the
 * password verified and the outcome counted under one database lock on the account, so a burst
 * of parallel guesses is checked one by one and the lock holds the moment it engages. (In this
 * process the attempts queue in memory first, so a burst holds one database connection, not one
 * each.)
 */
export async function signInWithPassword({ email, password, clientIp, now }: Attempt): Promise<SignInResult> {
  const account = email.toLowerCase();
  const result = await serializeByKey(`sign-in:${account}`, () =>
    db.$transaction(async (tx) => {
      await takeAdvisoryLock(tx, `sign-in:${account}`);
      const at = now ?? new Date();
      const subject = { email: account, clientIp };
      const retryAfterSeconds = await getLockout(tx, subject, at);
      if (retryAfterSeconds !== null) return { ok: false, reason: 'throttled', retryAfterSeconds } as const;

      const user = await tx.user.findUnique({ where: { email: account }, omit: { passwordHash: false } });
      const matches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
      if (!user || !matches) {
        for (const scope of await recordFailedSignIn(tx, subject, at)) metrics.signInLocks.inc({ scope });
        return { ok: false, reason: 'invalid' } as const;
      }
      // Only someone who knows the password learns that the account is disabled.
      if (!user.active) return { ok: false, reason: 'disabled' } as const;

      await recordSuccessfulSignIn(tx, subject);
      return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } } as const;
    }),
  );
  if (!result.ok) metrics.signInFailures.inc({ reason: { invalid: 'bad_credentials', throttled: 'locked', disabled: 'disabled' }[result.reason] });
  return result;
}
