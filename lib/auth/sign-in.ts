import { db } from '@/lib/db/client';
import { getLockout, recordFailedSignIn, recordSuccessfulSignIn } from './login-throttle';
import { dummyPasswordHash, verifyPassword } from './password';
import type { Role } from './roles';

export type SignedInUser = { id: string; email: string; name: string; role: Role };

export type SignInResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: 'invalid' | 'disabled' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

type Attempt = { email: string; password: string; clientIp: string; now?: Date };

/** Checks a password sign-in: throttle first, then the password, then the account state. */
export async function signInWithPassword({ email, password, clientIp, now = new Date() }: Attempt): Promise<SignInResult> {
  const subject = { email, clientIp };
  const retryAfterSeconds = await getLockout(subject, now);
  if (retryAfterSeconds !== null) return { ok: false, reason: 'throttled', retryAfterSeconds };

  const user = await db.user.findUnique({ where: { email: email.toLowerCase() }, omit: { passwordHash: false } });
  const matches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !matches) {
    await recordFailedSignIn(subject, now);
    return { ok: false, reason: 'invalid' };
  }
  // Only someone who knows the password learns that the account is disabled.
  if (!user.active) return { ok: false, reason: 'disabled' };

  await recordSuccessfulSignIn(subject);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
