import 'server-only';
import { AppError } from '@/lib/api/app-error';
import { db } from '@/lib/db/client';
import type { BroadcastRecipientView, BroadcastSummary, BroadcastTotals } from './broadcast-schemas';

const totalsOf = (total: number, groups: { status: string; _count: { _all: number } }[]): BroadcastTotals => {
  const count = (status: string) => groups.find((g) => g.status === status)?._count._all ?? 0;
  return { total, pending: count('PENDING'), queued: count('QUEUED'), sent: count('SENT'), delivered: count('DELIVERED'), failed: count('FAILED') };
};

/** Recent broadcasts with their totals, newest first. */
export async function listBroadcasts(): Promise<BroadcastSummary[]> {
  const broadcasts = await db.broadcast.findMany({ orderBy: { createdAt: 'desc' }, take: 20 });
  const groups = await db.broadcastRecipient.groupBy({ by: ['broadcastId', 'status'], where: { broadcastId: { in: broadcasts.map((b) => b.id) } }, _count: { _all: true } });
  return broadcasts.map((b) => ({
    id: b.id,
    name: b.name,
    body: b.body,
    fromNumber: b.fromNumber,
    status: b.status,
    createdAt: b.createdAt.toISOString(),
    totals: totalsOf(b.total, groups.filter((g) => g.broadcastId === b.id)),
  }));
}

const RECIPIENTS_SHOWN = 200;

/** One broadcast's totals and its recipients (failed first, then the rest), as the screen shows them. */
export async function readBroadcast(id: string): Promise<{ broadcast: BroadcastSummary; recipients: BroadcastRecipientView[] }> {
  const b = await db.broadcast.findUnique({ where: { id } });
  if (!b) throw new AppError('not_found', 'No such broadcast.');
  const groups = await db.broadcastRecipient.groupBy({ by: ['status'], where: { broadcastId: id }, _count: { _all: true } });
  const rows = await db.broadcastRecipient.findMany({ where: { broadcastId: id }, orderBy: [{ status: 'desc' }, { address: 'asc' }], take: RECIPIENTS_SHOWN });
  return {
    broadcast: {
      id: b.id,
      name: b.name,
      body: b.body,
      fromNumber: b.fromNumber,
      status: b.status,
      createdAt: b.createdAt.toISOString(),
      totals: totalsOf(b.total, groups.map((g) => ({ status: g.status, _count: g._count }))),
    },
    recipients: rows.map((r) => ({ address: r.address, name: r.name, status: r.status, error: r.errorMessage })),
  };
}
