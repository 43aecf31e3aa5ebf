import { type Attention, readAttention } from '@/lib/attention/read-attention';
import { type DescribedIndexRow, describeIndexRow, describeTitle } from '@/lib/conversations/conversation-descriptor';
import { db } from '@/lib/db/client';
import { labelColor, type LabelColor } from '@/lib/labels/label-schema';
import { listTeam, type TeamMemberStatus } from '@/lib/users/list-team';
import type { ServiceLevelTargets } from './service-levels';
import { readServiceLevelTargets } from './team-settings';

export type FloorConversation = {
  sid: string;
  channel: 'SMS' | 'WHATSAPP' | 'CHAT' | 'GROUP';
  /** The customer's name (their contact's), else their number, else the group's. */
  customer: string;
  /** The number behind the name, for its tooltip. */
  customerAddress: string | null;
  twilioNumber: string | null;
  assignee: { id: string; name: string } | null;
  queuedAt: string | null;
  lastMessagePreview: string | null;
  lastMessageAt: string | null;
  /** Service-level times: the console turns them into waits and breaches with its own clock. */
  firstInboundAt: string | null;
  firstResponseAt: string | null;
  awaitingReplySince: string | null;
  /** The last reply did not reach the phone: Twilio's error code, or '' when it gave none. */
  deliveryError: string | null;
  labels: { id: string; name: string; color: LabelColor }[];
  /** Snoozed: until this time (ISO) and/or the customer's reply. */
  snooze: { until: string | null; untilReply: boolean } | null;
};

export type FloorAgent = TeamMemberStatus;

export type FloorOverview = {
  agents: FloorAgent[];
  conversations: FloorConversation[];
  targets: ServiceLevelTargets;
  /** Dead letters and reconciler repairs nobody has looked at yet. */
  attention: Attention;
  generatedAt: string;
};

/**
 * Everything the supervisor console shows, from the shared database (so every app instance
 * gives the same picture): the team with presence and load, and every open conversation with
 * its owner and service levels (queued ones are those without an owner), and what went wrong
 * and needs a person's attention.
 */
export async function readFloorOverview(now = new Date()): Promise<FloorOverview> {
  const [agents, rows, targets, attention] = await Promise.all([
    listTeam(now),
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
        deliveryFailedAt: true,
        deliveryErrorCode: true,
        assignee: { select: { id: true, name: true } },
        snoozedUntil: true,
        snoozeUntilReply: true,
        labels: { select: { label: { select: { id: true, name: true, color: true } } }, orderBy: { createdAt: 'asc' } },
      },
    }),
    readServiceLevelTargets(),
    readAttention(),
  ]);
  return {
    agents,
    conversations: rows.map((row) => ({
      sid: row.sid,
      channel: row.channel,
      customer: customerLabel(row),
      customerAddress: row.customerAddress,
      twilioNumber: row.twilioNumber,
      assignee: row.assignee,
      queuedAt: row.queuedAt?.toISOString() ?? null,
      lastMessagePreview: row.lastMessagePreview,
      lastMessageAt: row.lastMessageAt?.toISOString() ?? null,
      firstInboundAt: row.firstInboundAt?.toISOString() ?? null,
      firstResponseAt: row.firstResponseAt?.toISOString() ?? null,
      awaitingReplySince: row.awaitingReplySince?.toISOString() ?? null,
      deliveryError: row.deliveryFailedAt ? (row.deliveryErrorCode ?? '') : null,
      labels: row.labels.map(({ label }) => ({ ...label, color: labelColor(label.color) })),
      snooze: row.snoozedUntil || row.snoozeUntilReply ? { until: row.snoozedUntil?.toISOString() ?? null, untilReply: row.snoozeUntilReply } : null,
    })),
    targets,
    attention,
    generatedAt: now.toISOString(),
  };
}

function customerLabel(row: DescribedIndexRow): string {
  return describeTitle(describeIndexRow(row), 'Chat');
}
