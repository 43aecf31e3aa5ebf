import { z } from 'zod';
import { zSafeText } from '@/lib/text/control-characters';

// A broadcast as a supervisor writes it, shared by the form and the API. No server imports.

export const MAX_RECIPIENTS = 10_000;
/** 10,000 lines of "+15551234567,A customer's name" fit well within this. */
export const MAX_RECIPIENTS_TEXT = 1024 * 1024;

export const ZBroadcastInput = z.object({
  name: zSafeText().trim().min(1, 'Give it a name.').max(64, 'At most 64 characters.'),
  body: zSafeText().trim().min(1, 'Write the message.').max(1600, 'At most 1,600 characters.'),
  fromNumber: z.string().trim().min(1, 'Pick the number it goes from.'),
  /** Pasted or uploaded CSV: a number per line, optionally a name after a comma. */
  recipients: zSafeText().min(1, 'Add at least one recipient.').max(MAX_RECIPIENTS_TEXT, 'The list is too long.'),
});

export type TBroadcastInput = z.infer<typeof ZBroadcastInput>;

export type BroadcastTotals = { total: number; pending: number; queued: number; sent: number; delivered: number; failed: number };

export type BroadcastSummary = {
  id: string;
  name: string;
  body: string;
  fromNumber: string;
  status: 'SENDING' | 'SENT';
  createdAt: string;
  totals: BroadcastTotals;
};

export type BroadcastRecipientView = { address: string; name: string | null; status: 'PENDING' | 'QUEUED' | 'SENT' | 'DELIVERED' | 'FAILED'; error: string | null };
