import { isSameDay } from '@/lib/inbox/format';
import type { MessageRecord, PendingMessage } from '@/lib/inbox/inbox-state';

export type ThreadRow =
  | { kind: 'message'; key: string; message: MessageRecord; startsDay: boolean }
  | { kind: 'pending'; key: string; pending: PendingMessage; startsDay: boolean };

/**
 * The thread's rows: server messages by index, then this agent's unsent ones. A day
 * separator belongs to the first row of its day (part of the row, not a row of its own),
 * so loading older history only ever prepends rows.
 */
export function buildThreadRows(messages: MessageRecord[], pending: PendingMessage[]): ThreadRow[] {
  const rows: ThreadRow[] = [];
  let previousAt: number | null = null;
  for (const message of messages) {
    rows.push({ kind: 'message', key: message.sid, message, startsDay: previousAt === null || !isSameDay(previousAt, message.dateCreated) });
    previousAt = message.dateCreated;
  }
  for (const item of pending) {
    rows.push({ kind: 'pending', key: item.clientKey, pending: item, startsDay: previousAt === null || !isSameDay(previousAt, item.createdAt) });
    previousAt = item.createdAt;
  }
  return rows;
}

/** Who has read up to each message: each other chat participant appears once, at their horizon. */
export function seenByIndex(
  messages: MessageRecord[],
  horizons: { identity: string; lastReadMessageIndex: number }[],
): Map<number, string[]> {
  const seen = new Map<number, string[]>();
  for (const { identity, lastReadMessageIndex } of horizons) {
    // The last loaded message at or before the horizon carries the marker.
    let target: number | null = null;
    for (const message of messages) {
      if (message.index <= lastReadMessageIndex) target = message.index;
      else break;
    }
    if (target !== null) seen.set(target, [...(seen.get(target) ?? []), identity]);
  }
  return seen;
}
