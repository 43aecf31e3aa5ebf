import type { Prisma } from '@/lib/db/generated/client';

/** Waiting for an agent: nobody owns it, it has a place in the queue, it is not closed. */
export const QUEUED_WHERE = { assigneeId: null, queuedAt: { not: null }, state: { not: 'CLOSED' } } satisfies Prisma.ConversationIndexWhereInput;
