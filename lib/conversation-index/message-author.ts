import type { MessageAuthorKind, MessageDirection, Role } from '@/lib/db/generated/enums';
import { isPhoneAuthor } from './channel';

/** The author Switchboard gives its own automated messages (surveys); Twilio's REST default too. */
export const SYSTEM_AUTHOR = 'system';

export type MessageAuthor = { kind: MessageAuthorKind; direction: MessageDirection; userId: string | null };

/**
 * Who wrote a message, from its Twilio author: a phone is the customer; a team member's
 * identity (their user id) is an agent or a supervisor by their role; anything else — Twilio's
 * "system", an integration's identity — is automated. Only people's messages count as responses.
 */
export function classifyAuthor(author: string | null, teamMember: { id: string; role: Role } | null): MessageAuthor {
  if (isPhoneAuthor(author)) return { kind: 'CUSTOMER', direction: 'INBOUND', userId: null };
  if (teamMember) return { kind: teamMember.role === 'AGENT' ? 'AGENT' : 'SUPERVISOR', direction: 'OUTBOUND', userId: teamMember.id };
  return { kind: 'SYSTEM', direction: 'OUTBOUND', userId: null };
}

/** A person on the team wrote it: it answers the customer (first response, reply waits). */
export function isTeamReply(author: MessageAuthor): boolean {
  return author.kind === 'AGENT' || author.kind === 'SUPERVISOR';
}
