import { db } from '@/lib/db/client';
import { conversationAudience } from '@/lib/live/audiences';
import { publishLiveEventAfterWrite } from '@/lib/live/publish-live-event';
import { stripControlCharacters } from '@/lib/text/control-characters';

const FAILED = new Set(['failed', 'undelivered']);
const REACHED = new Set(['delivered', 'read']);

/** Remembers a reply that did not reach the customer's phone, until a later one does. */
export async function recordDelivery(delivery: { conversationSid: string; status: string; errorCode: string | null; at: Date }): Promise<void> {
  let changed = 0;
  if (FAILED.has(delivery.status)) {
    ({ count: changed } = await db.conversationIndex.updateMany({
      where: { sid: delivery.conversationSid },
      data: { deliveryFailedAt: delivery.at, deliveryErrorCode: delivery.errorCode && stripControlCharacters(delivery.errorCode) },
    }));
  } else if (REACHED.has(delivery.status)) {
    ({ count: changed } = await db.conversationIndex.updateMany({
      where: { sid: delivery.conversationSid, deliveryFailedAt: { lte: delivery.at } },
      data: { deliveryFailedAt: null, deliveryErrorCode: null },
    }));
  }
  // Only a failure, or its clearing, shows on a screen (the supervisor's floor).
  if (changed > 0) {
    await publishLiveEventAfterWrite({
      kind: 'conversation.updated',
      data: { conversationSid: delivery.conversationSid, change: 'delivery', queued: false },
      audience: conversationAudience({ conversationSid: delivery.conversationSid, queued: false }),
    });
  }
}
