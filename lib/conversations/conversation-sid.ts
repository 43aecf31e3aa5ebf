import { AppError } from '@/lib/api/app-error';
import { isConversationSid } from '@/lib/twilio/sids';

/** A conversation SID from a URL; anything else cannot name a conversation (404, not 500). */
export function parseConversationSid(value: string): string {
  if (!isConversationSid(value)) throw new AppError('not_found', 'No such conversation.');
  return value;
}
