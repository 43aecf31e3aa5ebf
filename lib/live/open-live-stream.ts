import 'server-only';
import { randomUUID } from 'node:crypto';
import type { CurrentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { log } from '@/lib/observability/log';
import { offerQueuedWork } from '@/lib/routing/offer-queued-work';
import { canReceive, type Recipient } from './audiences';
import { eventHub, type HubEvent } from './event-hub';
import { closeLiveConnection, listLiveViewers, markOfflineIfGone, openLiveConnection } from './live-connections';
import type { LiveHello } from './live-events';
import { localStreams } from './local-streams';
import { sseComment, sseMessage } from './sse-format';

/** Proxies and load balancers close idle connections; a comment every so often keeps it open. */
const HEARTBEAT_MS = 15_000;
/** EventSource's reconnection delay. */
const RETRY_MS = 1_000;
/**
 * A client that lets this much pile up unread is too slow (or gone without a word): its stream
 * ends, and it reconnects with Last-Event-ID to get what it missed from the replay window.
 */
const MAX_BUFFERED_BYTES = 512 * 1024;
const MAX_EARLY_EVENTS = 2_000;
/**
 * What a tab is sent within this long goes out in one write: a supervisor's console hears most of
 * the floor's changes, each write is a system call, and under load that was a good part of the
 * app's CPU. Events reach the tab at most this much later.
 */
const WRITE_EVERY_MS = 20;
/** A closed tab that reopens at once (a reload) does not flicker offline. */
const OFFLINE_GRACE_MS = 3_000;

const encoder = new TextEncoder();

/**
 * One browser tab's event stream: its presence (online while it is open), the events its user
 * may see as they are published on any instance, what it missed since `lastEventId`, and a
 * heartbeat. Resolves once the stream is registered; the Response streams until the tab goes.
 */
export async function openLiveStream({ user, sessionId, lastEventId, signal }: { user: CurrentUser; sessionId: string; lastEventId: string | null; signal: AbortSignal }): Promise<Response> {
  const hub = eventHub();
  await hub.start();
  const connectionId = randomUUID();
  const recipient: Recipient = { userId: user.id, role: user.role, viewing: null };
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  // Events that arrive before the stream starts flowing wait here, in order.
  const early: string[] = [];
  let closed = false;

  let unwritten = '';
  let writeTimer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    clearTimeout(writeTimer);
    writeTimer = undefined;
    if (closed || !controller || !unwritten) return;
    if ((controller.desiredSize ?? 0) < -MAX_BUFFERED_BYTES) return close('slow-client');
    controller.enqueue(encoder.encode(unwritten));
    unwritten = '';
  };
  const send = (text: string) => {
    if (closed) return;
    if (!controller) {
      early.push(text);
      if (early.length > MAX_EARLY_EVENTS) close('slow-client');
      return;
    }
    unwritten += text;
    writeTimer ??= setTimeout(write, WRITE_EVERY_MS);
  };
  const deliver = (event: HubEvent) => {
    // A tab's own viewing changes come through here too: they decide what it receives next.
    if (event.kind === 'viewer.changed' && (event.data as { connectionId?: string }).connectionId === connectionId) {
      recipient.viewing = ((event.data as { conversationSid?: string | null }).conversationSid ?? null) as string | null;
    }
    if (canReceive(event.audience, recipient)) send(sseMessage({ id: event.id, data: { kind: event.kind, data: event.data } }));
    // A change to this user may be their account being disabled, or a new role that ended their
    // sessions: the stream ends with it, before anything else reaches it.
    if (event.kind === 'team.changed' && (event.data as { userId?: string }).userId === user.id) {
      if ((event.data as { sessionsEnded?: boolean }).sessionsEnded) close('session-ended');
      else void closeIfDisabled();
    }
  };
  const closeIfDisabled = async () => {
    const current = await db.user.findUnique({ where: { id: user.id }, select: { active: true } }).catch(() => null);
    if (current && !current.active) close('user-inactive');
  };
  const unsubscribe = hub.subscribe({ onEvent: deliver, onResync: () => send(sseMessage({ event: 'resync', data: {} })) });
  // Subscribed and replayed in the same tick: nothing is missed or sent twice.
  const replay = lastEventId ? hub.replaySince(lastEventId) : [];
  const resync = lastEventId !== null && replay === null;

  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const close = (reason: string) => {
    if (closed) return;
    // What was sent before the end (the event that ends a session) is written first.
    if (reason !== 'slow-client') write();
    if (closed) return; // that write found the client too slow, and ended the stream
    closed = true;
    clearTimeout(writeTimer);
    unsubscribe();
    clearInterval(heartbeat);
    localStreams.remove(connectionId);
    if (reason === 'slow-client') log.warn('live.stream_dropped', { reason, userId: user.id });
    try {
      if (reason === 'slow-client') controller?.error(new Error('The client reads too slowly.'));
      else controller?.close();
    } catch {
      // already closed by the other side
    }
    void closeLiveConnection({ id: connectionId, userId: user.id, name: user.name })
      .then(() => new Promise((resolve) => setTimeout(resolve, OFFLINE_GRACE_MS)))
      .then(() => (localStreams.countOf(user.id) === 0 ? markOfflineIfGone(user.id) : false))
      .catch((error: unknown) => log.warn('live.close_failed', { error, userId: user.id }));
  };

  let viewers;
  try {
    const { cameOnline } = await openLiveConnection({ id: connectionId, userId: user.id, available: user.availability === 'AVAILABLE' });
    if (cameOnline && user.role === 'AGENT' && user.availability === 'AVAILABLE') void offerQueuedWork();
    viewers = await listLiveViewers();
  } catch (error) {
    unsubscribe();
    throw error;
  }
  localStreams.add({ id: connectionId, userId: user.id, sessionId, get viewing() { return recipient.viewing; }, close });
  signal.addEventListener('abort', () => close('client-gone'));

  const hello: LiveHello = { connectionId, viewers, resync };
  const stream = new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
        send(sseMessage({ event: 'hello', retryMs: RETRY_MS, data: hello }));
        // What it missed, then what arrived while it was being registered, then live.
        for (const event of replay ?? []) deliver(event);
        for (const text of early.splice(0)) send(text);
        heartbeat = setInterval(() => send(sseComment('ping')), HEARTBEAT_MS);
        if (signal.aborted) close('client-gone');
      },
      cancel() {
        close('client-gone');
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  );
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform: a compressing proxy (or Next's own gzip) would hold events back.
      'cache-control': 'no-cache, no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
