import { AppError } from '@/lib/api/app-error';
import { isNetworkError } from './upstream-retries';

/** What the `twilio` helper throws for an error answer (RestException). */
export type TwilioRestError = { status?: number; code?: number; message?: string };

export function twilioErrorOf(error: unknown): TwilioRestError {
  return typeof error === 'object' && error !== null ? (error as TwilioRestError) : {};
}

/** A Twilio 404 becomes the app's not_found (not a 500); anything else is passed on as is. */
export function notFoundFromTwilio(error: unknown, message: string): unknown {
  return twilioErrorOf(error).status === 404 ? new AppError('not_found', message) : error;
}

/** Twilio's rate limit is per second; a server error or an outage takes longer to pass. */
const RETRY_AFTER_SECONDS = { rateLimited: 1, unavailable: 5 } as const;

/**
 * What is left of an upstream condition after the client's retries — Twilio's 429 or 5xx, or
 * Twilio unreachable — as the 503 the browser gets, with when to try again. Null for anything
 * else (a 4xx is an answer about the request, not about Twilio's health).
 */
export function upstreamUnavailable(error: unknown): AppError | null {
  const { status } = twilioErrorOf(error);
  if (status === 429) return new AppError('unavailable', 'Twilio is busy right now; try again in a moment.', undefined, RETRY_AFTER_SECONDS.rateLimited);
  if ((status !== undefined && status >= 500) || isNetworkError(error)) {
    return new AppError('unavailable', 'Twilio cannot be reached right now; try again shortly.', undefined, RETRY_AFTER_SECONDS.unavailable);
  }
  return null;
}
