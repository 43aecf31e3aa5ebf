import { db } from '@/lib/db/client';

export type Handoff = { actorName: string | null; fromName: string | null; toUserId: string | null; note: string | null; at: string };

/** The last time someone moved this conversation (for the notice its new owner sees). */
export async function latestHandoff(conversationSid: string): Promise<Handoff | null> {
  const entry = await db.assignment.findFirst({
    where: { conversationSid, reason: { in: ['TRANSFER', 'TAKEN', 'AUTO', 'PREFERRED', 'FROM_QUEUE', 'STARTED', 'QUEUE'] } },
    orderBy: { createdAt: 'desc' },
    select: { reason: true, actorId: true, fromUserId: true, toUserId: true, note: true, createdAt: true },
  });
  if (!entry || entry.reason !== 'TRANSFER') return null;
  const people = await db.user.findMany({ where: { id: { in: [entry.actorId, entry.fromUserId].filter((id): id is string => !!id) } }, select: { id: true, name: true } });
  const name = (id: string | null) => people.find((person) => person.id === id)?.name ?? null;
  return { actorName: name(entry.actorId), fromName: name(entry.fromUserId), toUserId: entry.toUserId, note: entry.note, at: entry.createdAt.toISOString() };
}
