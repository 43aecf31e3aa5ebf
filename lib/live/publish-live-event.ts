import 'server-only';
import { type DatabaseClient, db } from '@/lib/db/client';
import { log } from '@/lib/observability/log';
import type { Audience } from './audiences';
import { LIVE_CHANNEL, type LiveEnvelope, MAX_PAYLOAD_BYTES } from './live-channel';
import type { LiveEventData, LiveEventKind } from './live-events';
import { notifyTogether } from './notify-together';

export type LiveEventInput = { [K in LiveEventKind]: { kind: K; data: LiveEventData[K] } }[LiveEventKind];

type Delivery = {
  audience: Audience;
  /**
   * The transaction that writes the change: the event is then delivered when it commits and
   * never if it rolls back. Without one (or with the database itself), it goes out at once, in
   * one statement with the events published meanwhile.
   */
  tx?: DatabaseClient;
};
type Options = LiveEventInput & Delivery;

/**
 * Publishes an event to every app instance (PostgreSQL NOTIFY on LIVE_CHANNEL); each sends it
 * down the event streams of the users in its audience. The one way to publish: other modules
 * call this where they write the change they announce.
 */
export async function publishLiveEvent({ tx, ...event }: Options): Promise<void> {
  const payload = encodeLiveEvent(event);
  if (tx && tx !== db) await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${payload})`;
  else await notifyTogether(payload);
}

/**
 * The NOTIFY payload of an event, for a statement that writes a change and announces it in one
 * round trip (`SELECT pg_notify(LIVE_CHANNEL, payload)` as part of it).
 */
export function encodeLiveEvent({ kind, data, audience }: LiveEventInput & { audience: Audience }): string {
  const envelope: LiveEnvelope = { kind, data, audience };
  const payload = JSON.stringify(envelope);
  if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) throw new Error(`The live event ${kind} is too large for NOTIFY (${payload.length} bytes); send ids, not content.`);
  return payload;
}

/**
 * For changes written without a transaction: a failed announcement must not fail the change
 * itself (screens catch up at their next safety refresh or resync), so it is logged instead.
 */
export async function publishLiveEventAfterWrite(options: LiveEventInput & Omit<Delivery, 'tx'>): Promise<void> {
  try {
    await publishLiveEvent(options);
  } catch (error) {
    log.warn('live.publish_failed', { kind: options.kind, error });
  }
}
