import { db } from '@/lib/db/client';
import { isPhoneAuthor } from './channel';

const PREVIEW_LENGTH = 140;

/** Last message, preview, and the inbound/outbound times that drive queues and response timers. */
export async function recordMessage(message: { conversationSid: string; author: string | null; body: string | null; mediaCount: number; at: Date }): Promise<{ inbound: boolean }> {
  const inbound = isPhoneAuthor(message.author);
  const preview = (message.body?.trim() || (message.mediaCount > 0 ? '📎 Attachment' : '')).slice(0, PREVIEW_LENGTH);
  const current = await db.conversationIndex.findUnique({
    where: { sid: message.conversationSid },
    select: { firstInboundAt: true, firstResponseAt: true, lastMessageAt: true, lastInboundAt: true, lastOutboundAt: true, awaitingReplySince: true },
  });
  // A retried or late webhook must not move "last message" backwards.
  const isLatest = !current?.lastMessageAt || current.lastMessageAt <= message.at;
  const fields = {
    ...(isLatest ? { lastMessageAt: message.at, lastMessagePreview: preview } : {}),
    ...(inbound
      ? {
          lastInboundAt: later(current?.lastInboundAt, message.at),
          ...(current?.firstInboundAt ? {} : { firstInboundAt: message.at }),
          ...(current?.awaitingReplySince ? {} : { awaitingReplySince: message.at }),
        }
      : {
          lastOutboundAt: later(current?.lastOutboundAt, message.at),
          ...(current?.firstResponseAt || !current?.firstInboundAt ? {} : { firstResponseAt: message.at }),
          // A reply answers everything the customer sent before it.
          ...(current?.awaitingReplySince && current.awaitingReplySince <= message.at ? { awaitingReplySince: null } : {}),
        }),
  };
  await db.conversationIndex.upsert({
    where: { sid: message.conversationSid },
    create: { sid: message.conversationSid, ...fields },
    update: fields,
  });
  return { inbound };
}

function later(a: Date | null | undefined, b: Date): Date {
  return a && a > b ? a : b;
}
