import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import type { BroadcastRecipientStatus } from '@/lib/db/generated/client';
import { announceProgress } from './announce-progress';

const ZStatusCallback = z.object({
  MessageSid: z.string().regex(/^(SM|MM|WA)[0-9a-fA-F]{32}$/),
  MessageStatus: z.string(),
  ErrorCode: z.string().optional(),
});

const STATUS = { sent: 'SENT', delivered: 'DELIVERED', read: 'DELIVERED', undelivered: 'FAILED', failed: 'FAILED' } as const;
const RANK: Record<BroadcastRecipientStatus, number> = { PENDING: 0, QUEUED: 1, SENT: 2, DELIVERED: 3, FAILED: 3 };
/** The statuses a recipient may move on from to `status`: forward only. */
const before = (status: BroadcastRecipientStatus) => (Object.keys(RANK) as BroadcastRecipientStatus[]).filter((s) => RANK[s] < RANK[status]);

/** Twilio's error codes a supervisor may read as a reason. */
const REASONS: Record<string, string> = {
  '30003': 'The phone is unreachable.',
  '30005': 'Unknown number.',
  '30006': 'A landline or unreachable carrier.',
  '30007': 'Filtered by the carrier.',
};

/**
 * A broadcast message's delivery status (Programmable Messaging's StatusCallback): the recipient's
 * row moves forward only (a late `sent` never undoes `delivered`). Unknown messages are ignored.
 */
export async function recordMessageStatus(params: Record<string, string | string[]>): Promise<void> {
  const parsed = ZStatusCallback.safeParse(params);
  if (!parsed.success) return;
  const { MessageSid, MessageStatus, ErrorCode } = parsed.data;
  const status = STATUS[MessageStatus as keyof typeof STATUS];
  if (!status) return;
  // One conditional statement: a broadcast's status callbacks arrive by the tens of thousands.
  const [moved] = await db.broadcastRecipient.updateManyAndReturn({
    where: { messageSid: MessageSid, status: { in: before(status) } },
    data: { status, ...(status === 'FAILED' ? { errorCode: ErrorCode ?? null, errorMessage: REASONS[ErrorCode ?? ''] ?? `Not delivered (error ${ErrorCode ?? 'unknown'}).` } : {}) },
    select: { broadcastId: true },
  });
  if (moved) await announceProgress(moved.broadcastId);
}
