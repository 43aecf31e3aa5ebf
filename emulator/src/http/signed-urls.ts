import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock';

export type UrlSigner = {
  /** `baseUrl + path` with an expiry and a signature that make the URL its own credential. */
  sign(baseUrl: string, path: string): string;
  /** Whether `expires`/`signature` from a URL of `path` are genuine and not yet past (emulator time). */
  verify(path: string, expires: string | null, signature: string | null): 'ok' | 'expired' | 'invalid';
};

/**
 * Short-lived capability URLs (the `signed-url` auth scheme): no header needed, so an `<img src>` can
 * load them. The signature covers the path and the expiry; expiry is on the emulator clock, so a test
 * can advance time and watch a URL expire. Keyed from the account's auth token, so URLs survive a restart.
 */
export function createUrlSigner(secret: string, clock: Clock, ttlMs: number): UrlSigner {
  const sign = (path: string, expires: string) => createHmac('sha256', `signed-url:${secret}`).update(`${path}\n${expires}`).digest('hex');
  return {
    sign(baseUrl, path) {
      const expires = String(Math.floor((clock.now() + ttlMs) / 1000));
      return `${baseUrl}${path}?Expires=${expires}&Signature=${sign(path, expires)}`;
    },
    verify(path, expires, signature) {
      if (!expires || !signature || !/^\d{1,12}$/.test(expires) || !/^[0-9a-f]{64}$/.test(signature)) return 'invalid';
      const expected = Buffer.from(sign(path, expires), 'hex');
      if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return 'invalid';
      return Number(expires) * 1000 > clock.now() ? 'ok' : 'expired';
    },
  };
}
