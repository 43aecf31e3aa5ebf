/** The real service sends `token_about_to_expire` three minutes before the JWT `exp`. */
export const DEFAULT_ABOUT_TO_EXPIRE_LEAD_MS = 3 * 60 * 1000;

export type TokenDeadlines = {
  /** When to send `client_update` `token_about_to_expire`. */
  aboutToExpireAt: number;
  /** When to send `close` 410 (token expired). */
  expiresAt: number;
};

/**
 * The warning fires `leadMs` before expiry, but never earlier than halfway through the remaining
 * lifetime: a token with less than `leadMs` left (short TTLs in tests, or a token connected late in
 * its life) still gets a warning strictly before it expires, with time left to refresh.
 */
export function tokenDeadlines(expiresAt: number, now: number, leadMs: number): TokenDeadlines {
  const remaining = Math.max(expiresAt - now, 0);
  const lead = Math.min(Math.max(leadMs, 0), remaining / 2);
  return { aboutToExpireAt: expiresAt - lead, expiresAt };
}
