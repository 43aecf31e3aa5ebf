import 'server-only';
import { eventHub } from '@/lib/live/event-hub';
import { type FloorOverview, readFloorOverview } from './floor-overview';

type Read = { afterSeq: number; result: Promise<FloorOverview> };

let latest: Read | null = null;

/**
 * The floor for a console that refetches because of a live event: when several supervisors
 * refetch for the same event, one read serves them all. A read is shared only with requests
 * whose event this instance had already heard when the read started, so nobody gets a picture
 * older than the change they were told about. Any other request reads afresh.
 */
export async function readFloorOverviewAfter(eventId: string | null): Promise<FloorOverview> {
  const hub = eventHub();
  const needed = eventId ? hub.sequenceOf(eventId) : null;
  if (needed !== null && latest && latest.afterSeq >= needed) return latest.result;
  const read: Read = { afterSeq: hub.currentSequence(), result: readFloorOverview() };
  latest = read;
  read.result.catch(() => {
    if (latest === read) latest = null;
  });
  return read.result;
}
