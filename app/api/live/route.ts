import { z } from 'zod';
import { withSession } from '@/lib/api/with-session';
import { openLiveStream } from '@/lib/live/open-live-stream';

// A long-lived response: never cached or prerendered.
export const dynamic = 'force-dynamic';

const ZLastEventId = z.string().max(100).nullable();

/**
 * The signed-in user's event stream (Server-Sent Events). EventSource sends Last-Event-ID when
 * it reconnects by itself; a page reopening the stream passes it as `lastEventId`.
 */
export const GET = withSession({}, async ({ req, user, sessionId }) => {
  const lastEventId = ZLastEventId.catch(null).parse(req.headers.get('last-event-id') ?? req.nextUrl.searchParams.get('lastEventId'));
  return openLiveStream({ user, sessionId, lastEventId, signal: req.signal });
});
