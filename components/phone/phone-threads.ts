import type { TPhoneMessage } from './control-api';

// A phone groups its messages by the other numbers involved, as a handset's messaging app does.

export type PhoneThread = { key: string; numbers: string[]; last: TPhoneMessage };

export function threadKey(numbers: readonly string[]): string {
  return [...new Set(numbers)].sort().join(',');
}

/** Threads, most recent first. */
export function groupThreads(messages: readonly TPhoneMessage[]): PhoneThread[] {
  const threads = new Map<string, PhoneThread>();
  for (const message of messages) {
    const key = threadKey(message.thread);
    threads.set(key, { key, numbers: [...message.thread].sort(), last: message });
  }
  return [...threads.values()].reverse();
}

/** Adds or replaces a message (by SID), keeping the phone's order: oldest first. */
export function mergeMessage(messages: readonly TPhoneMessage[], message: TPhoneMessage): TPhoneMessage[] {
  const index = messages.findIndex((m) => m.sid === message.sid);
  if (index >= 0) return messages.map((m, i) => (i === index ? message : m));
  return [...messages, message];
}

export const STATUS_LABELS: Record<TPhoneMessage['status'], string> = {
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  undelivered: 'Not delivered',
  failed: 'Failed',
};
