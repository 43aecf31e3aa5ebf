// How long a sign-in lasts. A session ends after IDLE_MS without a request (the inbox's
// heartbeat keeps an open tab alive) and, however busy, MAX_MS after signing in.
export const SESSION_LIFETIME = {
  idleMs: 2 * 60 * 60_000,
  maxMs: 12 * 60 * 60_000,
  // Renewing on every request would write on every request; once a minute is enough.
  renewEveryMs: 60_000,
} as const;

/** When a session started at `createdAt` and last used at `now` expires. */
export function sessionExpiry(createdAt: Date, now: Date): Date {
  return new Date(Math.min(createdAt.getTime() + SESSION_LIFETIME.maxMs, now.getTime() + SESSION_LIFETIME.idleMs));
}

export function isRenewalDue(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= SESSION_LIFETIME.renewEveryMs;
}
