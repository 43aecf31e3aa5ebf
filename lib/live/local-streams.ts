import 'server-only';
import { HEARTBEAT_INTERVAL_MS } from '@/lib/routing/assignment-policy';
import { log } from '@/lib/observability/log';
import { type HeldStream, refreshLiveConnections, sweepStaleConnections } from './live-connections';

export type LocalStream = HeldStream & { close(reason: string): void };

/**
 * The event streams this instance holds. While it holds any, it refreshes their rows (and
 * their users' presence) every HEARTBEAT_INTERVAL_MS in a few statements for all of them, sweeps
 * rows left by instances that died, and closes the streams of users disabled or signed out
 * meanwhile.
 */
class LocalStreams {
  private readonly streams = new Map<string, LocalStream>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private closingOnShutdown = false;

  add(stream: LocalStream): void {
    this.streams.set(stream.id, stream);
    this.timer ??= setInterval(() => void this.refresh(), HEARTBEAT_INTERVAL_MS);
    if (!this.closingOnShutdown) {
      // A graceful shutdown waits for open responses to end, and a stream never ends by itself:
      // end them (their tabs reconnect, to another instance or to this one once it is back).
      this.closingOnShutdown = true;
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => this.closeAll('shutdown'));
    }
  }

  closeAll(reason: string): void {
    for (const stream of [...this.streams.values()]) stream.close(reason);
  }

  remove(id: string): void {
    this.streams.delete(id);
    if (this.streams.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /** Streams of a user on this instance (another tab may still be open). */
  countOf(userId: string): number {
    let count = 0;
    for (const stream of this.streams.values()) if (stream.userId === userId) count++;
    return count;
  }

  size(): number {
    return this.streams.size;
  }

  private async refresh(): Promise<void> {
    const held = [...this.streams.values()];
    try {
      const ended = await refreshLiveConnections(held.map(({ id, userId, sessionId, viewing }) => ({ id, userId, sessionId, viewing })));
      for (const stream of held) if (ended.has(stream.id)) stream.close('signed-out');
      await sweepStaleConnections();
    } catch (error) {
      log.warn('live.refresh_failed', { error, streams: held.length });
    }
  }
}

const globalForStreams = globalThis as unknown as { switchboardLocalStreams?: LocalStreams };

export const localStreams = (globalForStreams.switchboardLocalStreams ??= new LocalStreams());
