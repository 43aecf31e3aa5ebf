import { db } from '@/lib/db/client';

export type AttentionItem = { id: string; kind: 'dead-letter' | 'repair'; conversationSid: string | null; summary: string; at: string };
export type Attention = { count: number; items: AttentionItem[] };

const OPEN_DEAD_LETTER = { resolvedAt: null, acknowledgedAt: null };
const OPEN_REPAIR = { acknowledgedAt: null };

/**
 * What went wrong and was not looked at yet: webhooks set aside as dead letters (unless a retry
 * went through) and conversations the reconciler had to repair. The newest first.
 */
export async function readAttention(limit = 20): Promise<Attention> {
  const [deadLetters, repairs, deadLetterCount, repairCount] = await Promise.all([
    db.deadLetter.findMany({ where: OPEN_DEAD_LETTER, orderBy: { createdAt: 'desc' }, take: limit, select: { id: true, eventType: true, conversationSid: true, reason: true, attempts: true, createdAt: true } }),
    db.reconcilerRepair.findMany({ where: OPEN_REPAIR, orderBy: { createdAt: 'desc' }, take: limit, select: { id: true, kind: true, conversationSid: true, details: true, createdAt: true } }),
    db.deadLetter.count({ where: OPEN_DEAD_LETTER }),
    db.reconcilerRepair.count({ where: OPEN_REPAIR }),
  ]);
  const items: AttentionItem[] = [
    ...deadLetters.map((letter) => ({
      id: letter.id,
      kind: 'dead-letter' as const,
      conversationSid: letter.conversationSid,
      summary: `Webhook ${letter.eventType ?? '(unknown event)'} not processed${letter.attempts > 1 ? ` after ${letter.attempts} attempts` : ''}: ${letter.reason}`,
      at: letter.createdAt.toISOString(),
    })),
    ...repairs.map((repair) => ({
      id: repair.id,
      kind: 'repair' as const,
      conversationSid: repair.conversationSid,
      summary: repair.kind === 'INDEXED' ? 'Missing from the index: added by the reconciler' : `Never routed: ${repair.details ?? 'routed'} by the reconciler`,
      at: repair.createdAt.toISOString(),
    })),
  ];
  items.sort((a, b) => b.at.localeCompare(a.at));
  return { count: deadLetterCount + repairCount, items: items.slice(0, limit) };
}
