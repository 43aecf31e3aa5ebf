import { isSameDay } from '@/lib/inbox/format';
import type { PendingMessage } from '@/lib/inbox/inbox-state';
import type { MessageRecord } from '@/lib/conversations/view-records';
import type { NoteView } from '@/lib/notes/notes';

export type ThreadRow =
  | { kind: 'message'; key: string; message: MessageRecord; at: number; startsDay: boolean }
  | { kind: 'note'; key: string; note: NoteView; at: number; startsDay: boolean }
  | { kind: 'pending'; key: string; pending: PendingMessage; at: number; startsDay: boolean };

type RowDraft = ThreadRow extends infer Row ? (Row extends ThreadRow ? Omit<Row, 'startsDay'> : never) : never;

type Options = { messages: MessageRecord[]; pending: PendingMessage[]; notes?: NoteView[]; hasOlder?: boolean };

/**
 * The thread's rows: server messages by index with private notes between them by time, then
 * this agent's unsent messages. A day separator belongs to the first row of its day (part of
 * the row, not a row of its own), and notes older than the loaded history wait until it loads,
 * so loading older history only ever prepends rows.
 */
export function buildThreadRows({ messages, pending, notes = [], hasOlder = false }: Options): ThreadRow[] {
  const oldestLoaded = messages[0]?.dateCreated ?? Infinity;
  const visibleNotes = notes
    .map((note) => ({ note, at: Date.parse(note.createdAt) }))
    .filter(({ at }) => !hasOlder || at >= oldestLoaded)
    .sort((a, b) => a.at - b.at);
  const rows: RowDraft[] = [];
  let n = 0;
  for (const message of messages) {
    while (n < visibleNotes.length && visibleNotes[n]!.at < message.dateCreated) {
      const { note, at } = visibleNotes[n++]!;
      rows.push({ kind: 'note', key: note.id, note, at });
    }
    rows.push({ kind: 'message', key: message.sid, message, at: message.dateCreated });
  }
  for (; n < visibleNotes.length; n++) rows.push({ kind: 'note', key: visibleNotes[n]!.note.id, note: visibleNotes[n]!.note, at: visibleNotes[n]!.at });
  for (const item of pending) rows.push({ kind: 'pending', key: item.clientKey, pending: item, at: item.createdAt });
  return rows.map((row, i) => ({ ...row, startsDay: i === 0 || !isSameDay(rows[i - 1]!.at, row.at) }) as ThreadRow);
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
