import type { ConversationState, Prisma } from '@/lib/db/generated/client';

/** Waiting for an agent: nobody owns it, it has a place in the queue, it is not closed. */
export const QUEUED_WHERE = { assigneeId: null, queuedAt: { not: null }, state: { not: 'CLOSED' } } satisfies Prisma.ConversationIndexWhereInput;

/** First come, first served; the SID breaks ties so every instance agrees on who is next. */
export const QUEUE_ORDER = [{ queuedAt: 'asc' }, { sid: 'asc' }] satisfies Prisma.ConversationIndexOrderByWithRelationInput[];

/** Not routed yet: open, with neither an owner nor a place in the queue (routeConversation acts on these only). */
export function needsRouting(conversation: { state: ConversationState; assigneeId: string | null; queuedAt: Date | null }): boolean {
  return conversation.state !== 'CLOSED' && !conversation.assigneeId && !conversation.queuedAt;
}
