import { AppError } from '@/lib/api/app-error';
import { twilioErrorOf } from '@/lib/twilio/twilio-errors';

/**
 * Twilio's 4xx about a configuration write (a stale version, a name it refuses) as the app's error
 * with Twilio's reason, so the form can show it; anything else passes on (5xx become 503 upstream).
 */
export function twilioRefusal(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const { status, message } = twilioErrorOf(error);
  if (status === 409) return new AppError('conflict', 'Someone changed this configuration meanwhile. Reload and try again.');
  if (status !== undefined && status >= 400 && status < 500 && status !== 429) return new AppError('invalid_request', message ?? 'Twilio refused the configuration.');
  return error;
}
