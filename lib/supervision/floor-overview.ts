import { db } from '@/lib/db/client';
import { isOnline } from '@/lib/routing/assignment-policy';
import { serviceLevelStatus, type ServiceLevelTargets } from './service-levels';
import { readServiceLevelTargets } from './team-settings';

export type FloorConversation = {
  sid: string;
  channel: 'SMS' | 'WHATSAPP' | 'CHAT' | 'GROUP';
  customer: string;
  twilioNumber: string | null;
  assignee: { id: string; name: string } | null;
  queuedAt: string | null;
  lastMessagePreview: string | null;
  lastMessageAt: string | null;
  waitingSeconds: number;
  firstResponseBreached: boolean;
  replyWaitBreached: boolean;
};

export type FloorAgent = {
  id: string;
  name: string;
  role: 'AGENT' | 'SUPERVISOR' | 'ADMIN';
  availability: 'AVAILABLE' | 'AWAY';
  online: boolean;
  load: number;
  capacity: number;
};

export type FloorOverview = { agents: FloorAgent[]; conversations: FloorConversation[]; targets: ServiceLevelTargets; generatedAt: string };

/**
 * Everything the supervisor console shows, from the shared database (so every app instance
 * gives the same picture): the team with presence and load, and every open conversation with
 * its owner and service levels. Queued ones are those without an owner.
 */
export async function readFloorOverview(now = new Date()): Promise<FloorOverview> {
  const [users, rows, targets] = await Promise.all([
    db.user.findMany({
      where: { active: true },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, role: true, availability: true, lastSeenAt: true, capacity: true },
    }),
    db.conversationIndex.findMany({
      where: { state: { not: 'CLOSED' } },
      orderBy: [{ awaitingReplySince: { sort: 'asc', nulls: 'last' } }, { lastMessageAt: 'desc' }],
      take: 2000,
      select: {
        sid: true,
        channel: true,
        customerAddress: true,
        customerName: true,
        members: true,
        twilioNumber: true,
        queuedAt: true,
        lastMessagePreview: true,
        lastMessageAt: true,
        firstInboundAt: true,
        firstResponseAt: true,
        awaitingReplySince: true,
        assignee: { select: { id: true, name: true } },
      },
    }),
    readServiceLevelTargets(),
  ]);
  const load = new Map<string, number>();
  for (const row of rows) if (row.assignee) load.set(row.assignee.id, (load.get(row.assignee.id) ?? 0) + 1);
  return {
    agents: users.map((user) => ({
      id: user.id,
      name: user.name,
      role: user.role,
      availability: user.availability,
      online: isOnline(user, now),
      load: load.get(user.id) ?? 0,
      capacity: user.capacity,
    })),
    conversations: rows.map((row) => ({
      sid: row.sid,
      channel: row.channel,
      customer: row.customerName ?? row.customerAddress?.replace(/^whatsapp:/, '') ?? (row.members.length ? row.members.join(', ') : 'Chat'),
      twilioNumber: row.twilioNumber,
      assignee: row.assignee,
      queuedAt: row.queuedAt?.toISOString() ?? null,
      lastMessagePreview: row.lastMessagePreview,
      lastMessageAt: row.lastMessageAt?.toISOString() ?? null,
      ...serviceLevelStatus(row, targets, now),
    })),
    targets,
    generatedAt: now.toISOString(),
  };
}
