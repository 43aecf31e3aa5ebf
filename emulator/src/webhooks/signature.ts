import { createHmac } from 'node:crypto';

/** Form parameters of a webhook request; a repeated parameter is a list. */
export type WebhookParams = Record<string, string | string[]>;

/**
 * `X-Twilio-Signature` exactly as Twilio computes it: the full URL, then every POST parameter sorted by
 * name (byte order), each name immediately followed by its value (a repeated parameter: each distinct
 * value, sorted), HMAC-SHA1 with the account's auth token, base64. A GET request's parameters are in the
 * URL already, so they are signed as part of it with no body parameters.
 */
export const twilioSignature = (authToken: string, url: string, params: WebhookParams): string => {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    const values = Array.isArray(value) ? [...new Set(value)].sort() : [value ?? ''];
    for (const v of values) data += name + v;
  }
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
};

/** The form body (or query string) for `params`, repeated parameters as repeated keys. */
export const encodeParams = (params: WebhookParams): string => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) search.append(name, v);
  }
  return search.toString();
};
