import type twilio from 'twilio';
import { metrics } from '@/lib/observability/metrics';

type RequestClient = twilio.RequestClient;
type RequestOptions = Parameters<RequestClient['request']>[0];

export type RetryPolicy = { retries: number; baseDelayMs: number; maxDelayMs: number; sleep?: (ms: number) => Promise<void> };

/** Three retries within about two seconds in all: a person is waiting on most calls. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 3, baseDelayMs: 150, maxDelayMs: 1_000 };

/** The `twilio` helper's own 429 retry (exponential backoff, full jitter), as its client takes it. */
export const HELPER_AUTO_RETRY = { autoRetry: true, maxRetries: DEFAULT_RETRY_POLICY.retries, maxRetryDelay: DEFAULT_RETRY_POLICY.maxDelayMs };

const NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

export function isNetworkError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && NETWORK_ERRORS.has(String((error as { code?: unknown }).code));
}

/**
 * A read or a delete may be sent again after a 5xx or a dropped connection: doing it twice
 * changes nothing. A create or an update may not — Twilio may have done it before failing to
 * answer, and a message would go out twice — so those are retried on 429 only (the helper's
 * auto-retry: a 429 means nothing was done).
 */
function isSafeToRepeat(method: string): boolean {
  return ['GET', 'DELETE'].includes(method.toUpperCase());
}

function backoffMs(attempt: number, policy: RetryPolicy): number {
  return Math.floor(Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
}

const sleepMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Wraps the helper's HTTP client: Twilio's 5xx answers and network failures are retried with
 * exponential backoff and full jitter where that is safe; whatever still fails (and every 429
 * left after the helper's retries) is counted in `twilio_errors_total` and reaches the caller.
 */
export function withUpstreamRetries<T extends RequestClient>(client: T, policy: RetryPolicy = DEFAULT_RETRY_POLICY): T {
  const send = client.request.bind(client);
  const sleep = policy.sleep ?? sleepMs;
  const request = async <TData>(opts: RequestOptions & { data?: TData }) => {
    const repeatable = isSafeToRepeat(opts.method);
    for (let attempt = 0; ; attempt++) {
      const canRetry = repeatable && attempt < policy.retries;
      let response;
      try {
        response = await send<TData>(opts);
      } catch (error) {
        if (!canRetry || !isNetworkError(error)) {
          if (isNetworkError(error)) metrics.twilioErrors.inc({ status: 'network' });
          throw error;
        }
        await sleep(backoffMs(attempt, policy));
        continue;
      }
      if (response.statusCode >= 500 && canRetry) {
        await sleep(backoffMs(attempt, policy));
        continue;
      }
      if (response.statusCode === 429 || response.statusCode >= 500) metrics.twilioErrors.inc({ status: String(response.statusCode) });
      return response;
    }
  };
  return Object.assign(client, { request });
}
