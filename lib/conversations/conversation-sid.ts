import { AppError } from '@/lib/api/app-error';

const CONVERSATION_SID = /^CH[0-9a-f]{32}$/;

/** A conversation SID from a URL; anything else cannot name a conversation (404, not 500). */
export function parseConversationSid(value: string): string {
  if (!CONVERSATION_SID.test(value)) throw new AppError('not_found', 'No such conversation.');
  return value;
}
