import { db } from '@/lib/db/client';
import { stripControlCharacters } from '@/lib/text/control-characters';

const FAILED = new Set(['failed', 'undelivered']);
const REACHED = new Set(['delivered', 'read']);

/** Remembers a reply that did not reach the customer's phone, until a later one does. */
export async function recordDelivery(delivery: { conversationSid: string; status: string; errorCode: string | null; at: Date }): Promise<void> {
  if (FAILED.has(delivery.status)) {
    await db.conversationIndex.updateMany({
      where: { sid: delivery.conversationSid },
      data: { deliveryFailedAt: delivery.at, deliveryErrorCode: delivery.errorCode && stripControlCharacters(delivery.errorCode) },
    });
  } else if (REACHED.has(delivery.status)) {
    await db.conversationIndex.updateMany({
      where: { sid: delivery.conversationSid, deliveryFailedAt: { lte: delivery.at } },
      data: { deliveryFailedAt: null, deliveryErrorCode: null },
    });
  }
}
