import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../../clock';

/** Media guide: "The temporary URLs are valid for 300 seconds. You can request a new temporary URL at any time." */
export const TEMPORARY_URL_TTL_MS = 300_000;

export type MediaUrlSigner = {
  /** `links.content_direct_temporary` (§10.1): the content URL with an expiry and a signature. */
  temporaryUrl(baseUrl: string, serviceSid: string, mediaSid: string): string;
  /** Whether `expires`/`signature` from a content URL are genuine and not yet past (emulator time). */
  verify(serviceSid: string, mediaSid: string, expires: string | null, signature: string | null): 'ok' | 'expired' | 'invalid';
};

/**
 * Short-lived capability URLs for media content: no header needed (an `<img src>` can load them, §10.4),
 * valid for 300 s on the emulator clock, so a test can advance time and watch one expire. Signed with a
 * key derived from the account's auth token, so URLs survive an emulator restart like Twilio's do.
 */
export function createMediaUrlSigner(secret: string, clock: Clock, ttlMs = TEMPORARY_URL_TTL_MS): MediaUrlSigner {
  const sign = (serviceSid: string, mediaSid: string, expires: string) =>
    createHmac('sha256', `mcs:${secret}`).update(`${serviceSid}/${mediaSid}/${expires}`).digest('hex');
  return {
    temporaryUrl(baseUrl, serviceSid, mediaSid) {
      const expires = String(Math.floor((clock.now() + ttlMs) / 1000));
      return `${contentPath(baseUrl, serviceSid, mediaSid)}?Expires=${expires}&Signature=${sign(serviceSid, mediaSid, expires)}`;
    },
    verify(serviceSid, mediaSid, expires, signature) {
      if (!expires || !signature || !/^\d{1,12}$/.test(expires) || !/^[0-9a-f]{64}$/.test(signature)) return 'invalid';
      const expected = Buffer.from(sign(serviceSid, mediaSid, expires), 'hex');
      if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return 'invalid';
      return Number(expires) * 1000 > clock.now() ? 'ok' : 'expired';
    },
  };
}

function contentPath(baseUrl: string, serviceSid: string, mediaSid: string): string {
  return `${baseUrl}/mcs/v1/Services/${serviceSid}/Media/${mediaSid}/Content`;
}
