import type { LabelView } from '@/lib/labels/label-schema';
import type { SnoozeEndReasonName } from '@/lib/snooze/snooze-schema';

// What the inbox shows on a conversation besides Twilio's data: its labels, and whether it is
// snoozed or just came back from a snooze. Shared by the server and the browser.

export type ConversationMarks = {
  labelIds: string[];
  /** Snoozed until this time (ISO), or null. */
  snoozedUntil: string | null;
  snoozeUntilReply: boolean;
  /** It came back from a snooze, and the team has not replied since: the notice. */
  wokeUp: { at: string; reason: SnoozeEndReasonName } | null;
};

export type InboxMarks = { labels: LabelView[]; marks: Record<string, ConversationMarks> };

export const NO_MARKS: ConversationMarks = { labelIds: [], snoozedUntil: null, snoozeUntilReply: false, wokeUp: null };

export function isSnoozed(marks: ConversationMarks | undefined): boolean {
  return Boolean(marks && (marks.snoozedUntil !== null || marks.snoozeUntilReply));
}
