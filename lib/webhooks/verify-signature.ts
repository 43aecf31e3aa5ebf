import 'server-only';
import twilio from 'twilio';

export type WebhookParams = Record<string, string | string[]>;

/** Twilio's own check: HMAC-SHA1 of the URL and the sorted form parameters, keyed by the auth token. */
export function isValidTwilioSignature({ authToken, signature, url, params }: { authToken: string; signature: string | null; url: string; params: WebhookParams }): boolean {
  if (!signature || !authToken) return false;
  return twilio.validateRequest(authToken, signature, url, params);
}

/** Form body → params, keeping repeated keys as arrays (as Twilio's validator expects). */
export function parseFormParams(body: string): WebhookParams {
  const params: WebhookParams = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const existing = params[key];
    params[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return params;
}
