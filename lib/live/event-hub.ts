import 'server-only';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { log } from '@/lib/observability/log';
import { LIVE_CHANNEL, type LiveEnvelope, parseEnvelope } from './live-channel';
import { ReplayBuffer } from './replay-buffer';

export type HubEvent = LiveEnvelope & { id: string };

export type HubListener = {
  onEvent(event: HubEvent): void;
  /** Events may have been lost (the database connection dropped): reload everything. */
  onResync(): void;
};

const REPLAY_WINDOW = { maxEvents: 5_000, maxAgeMs: 2 * 60_000 };
const RECONNECT_MS = { first: 250, max: 5_000 };

/**
 * This app instance's ear on the database: one dedicated connection LISTENing on the live
 * channel (a pooled connection cannot hold a LISTEN), numbering what it hears into the replay
 * window and handing it to the instance's open streams. Every instance hears every event, so a
 * change made on one reaches browsers connected to any.
 */
export class EventHub {
  private readonly buffer = new ReplayBuffer<LiveEnvelope>(randomUUID().slice(0, 8), REPLAY_WINDOW);
  private readonly listeners = new Set<HubListener>();
  private client: pg.Client | null = null;
  private listening: Promise<void> | null = null;
  private retryMs = RECONNECT_MS.first;
  private closed = false;

  constructor(private readonly connectionString: string) {}

  /** Resolves once the instance is listening (at once when it already is). */
  start(): Promise<void> {
    this.listening ??= this.connect().catch((error: unknown) => {
      this.listening = null; // the next stream tries again
      throw error;
    });
    return this.listening;
  }

  subscribe(listener: HubListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** What a stream that last saw `lastEventId` missed, or null when that cannot be known. */
  replaySince(lastEventId: string): HubEvent[] | null {
    return this.buffer.since(lastEventId)?.map(({ id, value }) => ({ ...value, id })) ?? null;
  }

  lastEventId(): string {
    return this.buffer.lastId();
  }

  /** Where an event id of this instance falls in what it heard (null: not one of its ids now). */
  sequenceOf(eventId: string): number | null {
    return this.buffer.sequenceOf(eventId);
  }

  currentSequence(): number {
    return this.buffer.currentSequence();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, keepAlive: true });
    client.on('notification', (message) => {
      if (message.channel !== LIVE_CHANNEL || !message.payload) return;
      const envelope = parseEnvelope(message.payload);
      if (!envelope) return log.warn('live.unreadable_event', { payload: message.payload.slice(0, 200) });
      const event = { ...envelope, id: this.buffer.push(envelope) };
      for (const listener of this.listeners) listener.onEvent(event);
    });
    client.on('error', (error) => log.warn('live.listener_error', { error }));
    client.on('end', () => this.lost(client));
    await client.connect();
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
    this.client = client;
    this.retryMs = RECONNECT_MS.first;
  }

  /** The connection dropped: whatever was published meanwhile is lost to this instance. */
  private lost(client: pg.Client): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    this.buffer.breakContinuity();
    log.warn('live.listener_lost', { retryMs: this.retryMs });
    const retry = () => {
      if (this.closed) return;
      this.listening = this.connect().then(
        () => {
          log.info('live.listener_restored');
          for (const listener of this.listeners) listener.onResync();
        },
        () => {
          this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MS.max);
          setTimeout(retry, this.retryMs);
        },
      );
    };
    setTimeout(retry, this.retryMs);
  }
}

const globalForHub = globalThis as unknown as { switchboardEventHub?: EventHub };

/** The instance's hub (one per process: Next's dev server reloads modules). */
export function eventHub(): EventHub {
  if (!globalForHub.switchboardEventHub) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set.');
    globalForHub.switchboardEventHub = new EventHub(url);
  }
  return globalForHub.switchboardEventHub;
}
