import 'server-only';
import { eventHub } from '@/lib/live/event-hub';
import { readFloorOverview } from './floor-overview';

/** One read of the floor, kept as the JSON every console it serves is sent. */
type Read = { afterSeq: number; json: Promise<string> };

let latest: Read | null = null;
let next: Promise<string> | null = null;

/**
 * The floor, as JSON, for a console that refetches because of a live event. The consoles refetch
 * on the same events, and the floor is the app's largest read (every open conversation), so there
 * is one read at a time: it serves every request whose event this instance had heard when it
 * started, and a request for a later event (or none) waits for the next read, which starts when
 * this one ends and serves everyone who came meanwhile. Nobody gets a picture older than the
 * change they were told about, and under a stream of changes the floor is read back to back, not
 * once per console.
 */
export function readFloorOverviewJsonAfter(eventId: string | null): Promise<string> {
  const needed = eventId ? eventHub().sequenceOf(eventId) : null;
  if (needed !== null && latest && latest.afterSeq >= needed) return latest.json;
  if (!latest) return startRead();
  next ??= latest.json
    .catch(() => undefined)
    .then(() => {
      next = null;
      return startRead();
    });
  return next;
}

function startRead(): Promise<string> {
  const read: Read = { afterSeq: eventHub().currentSequence(), json: readFloorOverview().then((overview) => JSON.stringify(overview)) };
  latest = read;
  read.json.catch(() => {
    if (latest === read) latest = null;
  });
  return read.json;
}
