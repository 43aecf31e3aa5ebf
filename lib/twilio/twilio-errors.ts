import { AppError } from '@/lib/api/app-error';

/** What the `twilio` helper throws for an error answer (RestException). */
export type TwilioRestError = { status?: number; code?: number; message?: string };

export function twilioErrorOf(error: unknown): TwilioRestError {
  return typeof error === 'object' && error !== null ? (error as TwilioRestError) : {};
}

/** A Twilio 404 becomes the app's not_found (not a 500); anything else is passed on as is. */
export function notFoundFromTwilio(error: unknown, message: string): unknown {
  return twilioErrorOf(error).status === 404 ? new AppError('not_found', message) : error;
}
