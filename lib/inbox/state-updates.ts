import type { InboxState, PendingMessage } from './inbox-state';
import type { ConversationRecord, MessageRecord, ParticipantRecord } from '@/lib/conversations/view-records';
import { toPreview, upsertMessage } from './records';

// Pure state transitions shared by the event bindings and the actions.

export function withMessage(state: InboxState, conversationSid: string, message: MessageRecord): InboxState {
  const thread = state.threads[conversationSid];
  const preview = state.previews[conversationSid];
  const pending = state.pending[conversationSid];
  return {
    ...state,
    threads: thread ? { ...state.threads, [conversationSid]: { ...thread, messages: upsertMessage(thread.messages, message) } } : state.threads,
    previews: !preview || preview.index <= message.index ? { ...state.previews, [conversationSid]: toPreview(message) } : state.previews,
    // The server's copy has arrived: the optimistic one goes.
    pending:
      message.clientKey && pending?.some((p) => p.clientKey === message.clientKey)
        ? { ...state.pending, [conversationSid]: pending.filter((p) => p.clientKey !== message.clientKey) }
        : state.pending,
  };
}

export function withoutMessage(state: InboxState, conversationSid: string, index: number): InboxState {
  const thread = state.threads[conversationSid];
  if (!thread) return state;
  return { ...state, threads: { ...state.threads, [conversationSid]: { ...thread, messages: thread.messages.filter((m) => m.index !== index) } } };
}

export function withParticipant(state: InboxState, conversationSid: string, participant: ParticipantRecord): InboxState {
  return {
    ...state,
    participants: { ...state.participants, [conversationSid]: { ...state.participants[conversationSid], [participant.sid]: participant } },
  };
}

export function withoutParticipant(state: InboxState, conversationSid: string, participantSid: string): InboxState {
  const { [participantSid]: _removed, ...rest } = state.participants[conversationSid] ?? {};
  return { ...state, participants: { ...state.participants, [conversationSid]: rest } };
}

export function withTyping(state: InboxState, conversationSid: string, identity: string, isTyping: boolean): InboxState {
  const current = state.typing[conversationSid] ?? [];
  const next = isTyping ? [...new Set([...current, identity])] : current.filter((i) => i !== identity);
  return { ...state, typing: { ...state.typing, [conversationSid]: next } };
}

export function withPending(state: InboxState, conversationSid: string, clientKey: string, patch: Partial<PendingMessage> | null): InboxState {
  const list = state.pending[conversationSid] ?? [];
  const next = patch === null ? list.filter((p) => p.clientKey !== clientKey) : list.map((p) => (p.clientKey === clientKey ? { ...p, ...patch } : p));
  return { ...state, pending: { ...state.pending, [conversationSid]: next } };
}

export function withUserName(state: InboxState, identity: string, name: string): InboxState {
  return { ...state, userNames: { ...state.userNames, [identity]: name } };
}

export function withoutConversation(state: InboxState, sid: string): InboxState {
  const drop = <T,>(record: Record<string, T>) => {
    const { [sid]: _removed, ...rest } = record;
    return rest;
  };
  return {
    ...state,
    conversations: drop(state.conversations),
    threads: drop(state.threads),
    participants: drop(state.participants),
    previews: drop(state.previews),
    typing: drop(state.typing),
    pending: drop(state.pending),
  };
}

/** A conversation record with its customer named as their contact is named now. */
export function withContactName(record: ConversationRecord, contactNames: InboxState['contactNames']): ConversationRecord {
  const customer = record.switchboard?.customer;
  if (!record.switchboard || !customer?.address || !(customer.address in contactNames)) return record;
  const name = contactNames[customer.address] ?? undefined;
  if (customer.name === name) return record;
  return { ...record, switchboard: { ...record.switchboard, customer: { ...customer, name } } };
}

/** Contacts' current names (null: unnamed) by address, applied to every conversation with them. */
export function withContactNames(state: InboxState, names: Record<string, string | null>): InboxState {
  const contactNames = { ...state.contactNames, ...names };
  const conversations = Object.fromEntries(Object.entries(state.conversations).map(([sid, record]) => [sid, withContactName(record, contactNames)]));
  return { ...state, contactNames, conversations };
}
