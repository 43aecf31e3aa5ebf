import { db } from '@/lib/db/client';

export type HistoryEntry = {
  at: string;
  reason: string;
  from: string | null;
  to: string | null;
  actor: string | null;
  note: string | null;
};

export type AuditView = { at: string; action: string; actor: string | null; details: unknown };

/** Who owned a conversation when and why, and the audit trail of actions on it. */
export async function readConversationHistory(conversationSid: string): Promise<{ assignments: HistoryEntry[]; audit: AuditView[] }> {
  const [assignments, audit, people] = await Promise.all([
    db.assignment.findMany({ where: { conversationSid }, orderBy: { createdAt: 'asc' } }),
    db.auditEntry.findMany({ where: { conversationSid }, orderBy: { createdAt: 'asc' } }),
    db.user.findMany({ select: { id: true, name: true } }),
  ]);
  const name = (id: string | null) => (id ? (people.find((person) => person.id === id)?.name ?? id) : null);
  return {
    assignments: assignments.map((entry) => ({
      at: entry.createdAt.toISOString(),
      reason: entry.reason,
      from: name(entry.fromUserId),
      to: name(entry.toUserId),
      actor: name(entry.actorId),
      note: entry.note,
    })),
    audit: audit.map((entry) => ({ at: entry.createdAt.toISOString(), action: entry.action, actor: name(entry.actorId), details: entry.details })),
  };
}
