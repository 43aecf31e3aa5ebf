import 'server-only';
import { cookies } from 'next/headers';
import { decode, getToken, type JWT } from 'next-auth/jwt';

/** What the signed session cookie says: whose it is and which server-side session it names. */
export type SessionCookie = { userId: string; sessionId: string | null };

/** jose's tolerance when next-auth decodes: the same here. */
const CLOCK_TOLERANCE_MS = 15_000;
const MAX_REMEMBERED = 10_000;
const remembered = new Map<string, { secret: string; payload: JWT }>();

/**
 * The request's session cookie, decoded. next-auth's getServerSession derives the key (HKDF),
 * decrypts the cookie and re-encrypts a fresh one on every call — a few per cent of the app's CPU
 * under load, for a cookie whose lifetime the server-side session governs anyway (lib/sessions).
 * Here each cookie is decrypted once and its claims remembered by its exact value: the value is
 * authenticated ciphertext, so it can only ever decode to the same claims, and its expiry is
 * checked on every use.
 */
export async function readSessionCookie(): Promise<SessionCookie | null> {
  const jar = await cookies();
  const req = { cookies: Object.fromEntries(jar.getAll().map(({ name, value }) => [name, value])), headers: {} };
  const token = await getToken({ req: req as unknown as Parameters<typeof getToken>[0]['req'], decode: decodeSessionToken });
  if (!token?.sub) return null;
  return { userId: token.sub, sessionId: token.sid ?? null };
}

/** next-auth's decode, remembered per cookie value; an expired or foreign cookie throws, as there. */
export async function decodeSessionToken({ token, secret }: { token?: string; secret: string | Buffer }, now = Date.now()): Promise<JWT | null> {
  if (!token) return null;
  const key = String(secret);
  const known = remembered.get(token);
  if (known && known.secret === key) {
    if (!isExpired(known.payload, now)) return known.payload;
    remembered.delete(token);
    throw new Error('The session cookie has expired.');
  }
  const payload = await decode({ token, secret });
  if (!payload) return null;
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  remembered.set(token, { secret: key, payload });
  return payload;
}

const isExpired = (payload: JWT, now: number) => typeof payload.exp === 'number' && payload.exp * 1_000 + CLOCK_TOLERANCE_MS <= now;
