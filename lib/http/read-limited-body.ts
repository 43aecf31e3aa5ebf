import { AppError } from '@/lib/api/app-error';

/** Body limits per kind of route, in bytes. */
export const BODY_LIMITS = {
  // The app's JSON API: a note, a reply, a canned response are a few KB at most.
  json: 64 * 1024,
  // Email, password, CSRF token and callback URL.
  signIn: 8 * 1024,
  // Twilio's post-action form: a message body (1,600 characters), attributes (16 KB), media.
  webhook: 256 * 1024,
} as const;

const tooLarge = (limit: number) => new AppError('payload_too_large', `The request body is larger than the ${Math.round(limit / 1024)} KB this endpoint accepts.`);

/** Refuses a request whose declared length is over `limit`, before anything is read. */
export function assertDeclaredLength(req: Request, limit: number): void {
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
}

/**
 * Reads a body of at most `limit` bytes. A declared length over the limit is refused unread; a
 * body that turns out longer (chunked, or lying about its length) is refused as soon as it
 * passes the limit, and the rest is never read.
 */
export async function readLimitedBody(req: Request, limit: number): Promise<Buffer> {
  assertDeclaredLength(req, limit);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
