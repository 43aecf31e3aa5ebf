import { encodeNotification } from '../twilsock/connection';
import type { Peer } from '../twilsock/peer';
import type { SyncChange, SyncEngine } from './engine';
import { renderEvent } from './event-payloads';
import { accessSubject, type CanAccess } from './access';
import { ObjectHolds } from './object-holds';
import { objectInfo, type SyncEventRecord, type SyncObjectRecord } from './state';
import { objectNotFound } from './sync-errors';

export type SubscriptionRequest = { object_sid: string; object_type: string; last_event_id?: number | null };

export const SYNC_EVENT = 'twilio.sync.event';
// Replay batches (a notification may carry `events: [...]`): consecutive events of one type share a frame.
const MAX_EVENTS_PER_FRAME = 100;

type Subscriber = { peer: Peer; baseUrl: string; sids: Set<string> };

/** A connection's subscription to an object began (`subscribed`) or ended. */
export type SubscriptionChange = { peerId: string; sid: string; subscribed: boolean };

/**
 * Live Sync subscriptions (docs/sdk-protocol.md, "Subscriptions"), indexed by object SID so a change
 * costs one lookup plus one send per subscriber, with the frame encoded once per base URL, never a scan
 * over all connections.
 */
export class SubscriptionHub {
  /** What each connection holds open; a holder that lost access reads the items as they were. */
  readonly holds = new ObjectHolds();
  private readonly bySid = new Map<string, Set<Subscriber>>();
  private readonly byPeer = new Map<string, Subscriber>();
  private readonly listeners = new Set<(change: SubscriptionChange) => void>();

  constructor(
    private readonly engine: SyncEngine,
    private readonly canAccess: CanAccess,
  ) {
    engine.onChange((change) => this.dispatch(change));
  }

  /**
   * Establish, run after the HTTP reply went out: route future events, replay every event with
   * id > last_event_id in order (none when it is null/absent), then `subscription_established` with the
   * request's exact correlation id. Unknown or forbidden objects fail with 404 and nothing else.
   */
  establish(peer: Peer, baseUrl: string, correlationId: number, requests: readonly SubscriptionRequest[]): void {
    if (!peer.isOpen) return;
    const established: Record<string, unknown>[] = [];
    const failed: Record<string, unknown>[] = [];
    for (const request of requests) {
      const record = this.engine.findBySid(request.object_sid);
      if (!record || record.type !== request.object_type || !this.canAccess(accessSubject(peer.identity, peer.claims), objectInfo(record))) {
        failed.push({ object_sid: request.object_sid, object_type: request.object_type, error: notFoundError(request.object_type) });
        continue;
      }
      const subscriber = this.subscriberFor(peer, baseUrl);
      this.add(subscriber, record.sid);
      this.holds.hold(peer, record.sid);
      if (typeof request.last_event_id === 'number') {
        this.sendReplay(subscriber, record, this.engine.replay(record.sid, request.last_event_id));
      }
      established.push({ object_sid: record.sid, object_type: record.type, replay_status: 'completed', last_event_id: record.lastEventId });
    }
    if (established.length > 0) {
      peer.sendFrame(encodeNotification(SYNC_EVENT, { event_type: 'subscription_established', correlation_id: correlationId, events: established }));
    }
    if (failed.length > 0) {
      peer.sendFrame(encodeNotification(SYNC_EVENT, { event_type: 'subscription_failed', correlation_id: correlationId, events: failed }));
    }
  }

  /** Cancel; `subscription_canceled` is optional for the client but lets it clear pending state. */
  cancel(peer: Peer, correlationId: number, sids: readonly string[]): void {
    const subscriber = this.byPeer.get(peer.id);
    for (const sid of sids) {
      if (subscriber) this.remove(subscriber, sid);
      this.holds.release(peer.id, sid);
    }
    if (sids.length === 0 || !peer.isOpen) return;
    peer.sendFrame(
      encodeNotification(SYNC_EVENT, { event_type: 'subscription_canceled', correlation_id: correlationId, events: sids.map((sid) => ({ object_sid: sid })) }),
    );
  }

  /** Forgets every subscription of a closed connection. */
  dropPeer(peerId: string): void {
    this.holds.dropPeer(peerId);
    const subscriber = this.byPeer.get(peerId);
    if (!subscriber) return;
    const sids = [...subscriber.sids];
    for (const sid of sids) this.unindex(subscriber, sid);
    this.byPeer.delete(peerId);
    for (const sid of sids) this.notify({ peerId, sid, subscribed: false });
  }

  /**
   * Re-evaluates `canAccess` for every subscriber and holder of an object (the chat layer calls this
   * when membership changes, before the object changes further): subscribers that lost access are
   * dropped silently, holders that lost it are frozen at the object's current event (`ObjectHolds`).
   * Returns how many subscribers were dropped.
   */
  recheckAccess(objectSid: string): number {
    const record = this.engine.findBySid(objectSid);
    if (!record) return 0;
    const info = objectInfo(record);
    const hasAccess = (peer: Peer): boolean => this.canAccess(accessSubject(peer.identity, peer.claims), info);
    this.holds.recheck(objectSid, record.lastEventId, hasAccess);
    let dropped = 0;
    for (const subscriber of [...(this.bySid.get(objectSid) ?? [])]) {
      if (hasAccess(subscriber.peer)) continue;
      this.remove(subscriber, objectSid);
      dropped++;
    }
    return dropped;
  }

  /** Calls `listener` after every subscription that begins or ends; returns the unsubscribe function. */
  onChange(listener: (change: SubscriptionChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  subscriberCount(objectSid: string): number {
    return this.bySid.get(objectSid)?.size ?? 0;
  }

  subscriptionsOf(peerId: string): ReadonlySet<string> {
    return this.byPeer.get(peerId)?.sids ?? new Set();
  }

  private dispatch(change: SyncChange): void {
    const isObjectRemoved = change.event.kind.endsWith('_removed') && !change.event.kind.includes('_item_');
    if (isObjectRemoved) this.holds.forget(change.object.sid);
    const subscribers = this.bySid.get(change.object.sid);
    if (!subscribers) return;
    const frames = new Map<string, Buffer>();
    for (const subscriber of subscribers) {
      let frame = frames.get(subscriber.baseUrl);
      if (!frame) {
        frame = encodeNotification(SYNC_EVENT, renderEvent(subscriber.baseUrl, change.object.sid, change.object.type, change.event));
        frames.set(subscriber.baseUrl, frame);
      }
      subscriber.peer.sendFrame(frame);
    }
    if (isObjectRemoved) {
      for (const subscriber of [...subscribers]) this.remove(subscriber, change.object.sid);
    }
  }

  private sendReplay(subscriber: Subscriber, record: SyncObjectRecord, events: readonly SyncEventRecord[]): void {
    let batch: Record<string, unknown>[] = [];
    let batchType = '';
    const flush = (): void => {
      if (batch.length === 0) return;
      subscriber.peer.sendFrame(encodeNotification(SYNC_EVENT, { event_type: batchType, events: batch }));
      batch = [];
    };
    for (const event of events) {
      const payload = renderEvent(subscriber.baseUrl, record.sid, record.type, event);
      if (payload.event_type !== batchType || batch.length >= MAX_EVENTS_PER_FRAME) {
        flush();
        batchType = payload.event_type;
      }
      batch.push(payload.event);
    }
    flush();
  }

  private subscriberFor(peer: Peer, baseUrl: string): Subscriber {
    let subscriber = this.byPeer.get(peer.id);
    if (!subscriber) {
      subscriber = { peer, baseUrl, sids: new Set() };
      this.byPeer.set(peer.id, subscriber);
    }
    subscriber.baseUrl = baseUrl; // links follow the host of the client's latest subscription request
    return subscriber;
  }

  private add(subscriber: Subscriber, sid: string): void {
    subscriber.sids.add(sid);
    let set = this.bySid.get(sid);
    if (!set) {
      set = new Set();
      this.bySid.set(sid, set);
    }
    set.add(subscriber);
    this.notify({ peerId: subscriber.peer.id, sid, subscribed: true });
  }

  private remove(subscriber: Subscriber, sid: string): void {
    if (!subscriber.sids.delete(sid)) return;
    this.unindex(subscriber, sid);
    this.notify({ peerId: subscriber.peer.id, sid, subscribed: false });
  }

  private notify(change: SubscriptionChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error('[realtime] subscription listener failed', error);
      }
    }
  }

  private unindex(subscriber: Subscriber, sid: string): void {
    const set = this.bySid.get(sid);
    if (!set) return;
    set.delete(subscriber);
    if (set.size === 0) this.bySid.delete(sid);
  }
}

function notFoundError(objectType: string): { status: number; code: number; message: string } {
  // Forbidden objects answer exactly like missing ones, so a subscription cannot probe for existence.
  const { status, code, message } = objectNotFound(objectType === 'list' || objectType === 'map' ? objectType : 'document').toJSON();
  return { status, code, message };
}
