import type { WebhookTarget } from './targets';
import { encodeParams, twilioSignature, type WebhookParams } from './signature';

export type WebhookResponse = { status: number; body: string };

export class WebhookTimeout extends Error {}

/**
 * Sends one signed webhook request. POST: the fields form-encoded in the body, signed with the URL.
 * GET: the fields appended to the URL's query, signed as part of it. Resolves with the answer (any
 * status); rejects on a network error, or with `WebhookTimeout` when no answer came in `timeoutMs`.
 */
export const sendWebhook = async (
  target: WebhookTarget,
  params: WebhookParams,
  options: { authToken: string; timeoutMs: number; idempotencyToken: string; signal?: AbortSignal },
): Promise<WebhookResponse> => {
  const query = encodeParams(params);
  const isGet = target.method === 'GET';
  const url = isGet ? `${target.url}${target.url.includes('?') ? '&' : '?'}${query}` : target.url;
  const signature = twilioSignature(options.authToken, url, isGet ? {} : params);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort);
  try {
    const response = await fetch(url, {
      method: target.method,
      headers: {
        'X-Twilio-Signature': signature,
        'I-Twilio-Idempotency-Token': options.idempotencyToken,
        'User-Agent': 'TwilioProxy/1.1',
        ...(isGet ? {} : { 'Content-Type': 'application/x-www-form-urlencoded' }),
      },
      body: isGet ? undefined : query,
      signal: controller.signal,
    });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    if (timedOut) throw new WebhookTimeout(`no answer from ${target.url} within ${options.timeoutMs} ms`);
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
};
