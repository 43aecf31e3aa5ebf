import { db } from '@/lib/db/client';
import { storedTime } from '@/lib/db/stored-time';
import { conversationAudience } from '@/lib/live/audiences';
import { publishLiveEventAfterWrite } from '@/lib/live/publish-live-event';
import { stripControlCharacters } from '@/lib/text/control-characters';

const FAILED = new Set(['failed', 'undelivered']);
const REACHED = new Set(['delivered', 'read']);

type Delivery = { conversationSid: string; status: string; errorCode: string | null; at: Date };

/**
 * Remembers a reply that did not reach the customer's phone, until a later one does. Twilio does not
 * promise the order of delivery updates, so each is weighed by its time, whichever comes first: a
 * failure older than the latest delivery (or than the failure on record) changes nothing.
 */
export async function recordDelivery(delivery: Delivery): Promise<void> {
  const changed = FAILED.has(delivery.status) ? await recordFailure(delivery) : REACHED.has(delivery.status) && (await recordReached(delivery));
  // Only a failure, or its clearing, shows on a screen (the supervisor's floor).
  if (changed) {
    await publishLiveEventAfterWrite({
      kind: 'conversation.updated',
      data: { conversationSid: delivery.conversationSid, change: 'delivery', queued: false },
      audience: conversationAudience({ conversationSid: delivery.conversationSid, queued: false }),
    });
  }
}

async function recordFailure({ conversationSid, errorCode, at }: Delivery): Promise<boolean> {
  const { count } = await db.conversationIndex.updateMany({
    where: {
      sid: conversationSid,
      OR: [{ deliveredAt: null }, { deliveredAt: { lt: at } }],
      AND: { OR: [{ deliveryFailedAt: null }, { deliveryFailedAt: { lte: at } }] },
    },
    data: { deliveryFailedAt: at, deliveryErrorCode: errorCode && stripControlCharacters(errorCode) },
  });
  return count > 0;
}

/**
 * Moves the latest delivery forward and clears a failure it outdates, in one statement; says whether
 * a failure was cleared. The failure before the change comes from a locking sub-select of the same
 * row, so only a delivery that clears one is announced (most clear nothing and tell no one).
 */
async function recordReached({ conversationSid, at: date }: Delivery): Promise<boolean> {
  const at = storedTime(date);
  const [row] = await db.$queryRaw<{ cleared: boolean }[]>`
    UPDATE "ConversationIndex" AS conversation
    SET "deliveredAt" = ${at}, "updatedAt" = now(),
        "deliveryFailedAt" = CASE WHEN conversation."deliveryFailedAt" <= ${at} THEN NULL ELSE conversation."deliveryFailedAt" END,
        "deliveryErrorCode" = CASE WHEN conversation."deliveryFailedAt" <= ${at} THEN NULL ELSE conversation."deliveryErrorCode" END
    FROM (SELECT sid, "deliveryFailedAt" FROM "ConversationIndex" WHERE sid = ${conversationSid} FOR UPDATE) AS before
    WHERE conversation.sid = before.sid AND (conversation."deliveredAt" IS NULL OR conversation."deliveredAt" < ${at})
    RETURNING before."deliveryFailedAt" IS NOT NULL AND before."deliveryFailedAt" <= ${at} AS cleared`;
  return row?.cleared ?? false;
}
