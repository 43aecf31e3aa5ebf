import type { Prisma } from '@/lib/db/generated/client';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { publishLiveEvent } from '@/lib/live/publish-live-event';

// The newest conversations whose owners and viewers hear of a change: enough for every screen
// that names the person now, and small enough for one NOTIFY (ids only).
const CONVERSATIONS_TOLD = 40;

/**
 * A contact changed (name, details, notes, a merge): every screen naming them follows —
 * supervisors (the console), the owners of their conversations and whoever has one open. The
 * payload is an id; a screen fetches the contact through the API, which checks who may see it.
 */
export async function announceContactChange(contactIds: string[], tx: Prisma.TransactionClient): Promise<void> {
  const conversations = await tx.conversationIndex.findMany({
    where: { contactId: { in: contactIds } },
    orderBy: { createdAt: 'desc' },
    take: CONVERSATIONS_TOLD,
    select: { sid: true, assigneeId: true },
  });
  await publishLiveEvent({
    kind: 'contact.updated',
    data: { contactIds },
    audience: {
      roles: SUPERVISOR_ROLES,
      userIds: [...new Set(conversations.map((conversation) => conversation.assigneeId))],
      viewersOf: conversations.map((conversation) => conversation.sid),
    },
    tx,
  });
}
