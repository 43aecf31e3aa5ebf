import type { Clock } from '../clock';
import { rateLimited } from './errors';

/** What one rate-limit window counts, and how a 429 names it. */
export interface RateBucket {
  key: string;
  label: string;
}

export const serviceBucket = (serviceSid: string): RateBucket => ({ key: `service:${serviceSid}`, label: `Service ${serviceSid}` });

export const conversationBucket = (conversationSid: string): RateBucket => ({
  key: `conversation:${conversationSid}`,
  label: `Conversation ${conversationSid}`,
});

/**
 * Twilio's APS limit: 30 mutating actions per second, counted per Service for some resources and per
 * Conversation for others (Limits page). Reads are not limited. A sliding one-second window per key.
 * Tests that hammer the emulator turn it off (`rateLimit: false`, `EMULATOR_RATE_LIMIT=off`).
 */
export class RateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    public enabled: boolean,
    private readonly limit = 30,
    private readonly windowMs = 1000,
  ) {}

  /** Counts one action against `key`; throws 429 / 20429 when the window is full. */
  take(key: string, scopeLabel: string): void {
    if (!this.enabled) return;
    const now = this.clock.now();
    const since = now - this.windowMs;
    const stamps = (this.windows.get(key) ?? []).filter((t) => t > since);
    if (stamps.length >= this.limit) {
      this.windows.set(key, stamps);
      // Room again once the oldest action in the window leaves it; HTTP counts whole seconds.
      const waitMs = (stamps[0] ?? now) + this.windowMs - now;
      throw rateLimited(scopeLabel, Math.max(1, Math.ceil(waitMs / 1000)));
    }
    stamps.push(now);
    this.windows.set(key, stamps);
    if (this.windows.size > 10_000) this.sweep(since);
  }

  reset(): void {
    this.windows.clear();
  }

  private sweep(since: number): void {
    for (const [k, stamps] of this.windows) {
      if (stamps.every((t) => t <= since)) this.windows.delete(k);
    }
  }
}
