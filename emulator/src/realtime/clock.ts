/**
 * The realtime layer never reads `Date.now()` directly: token expiry, `date_*` fields and deadlines all
 * come from an injected clock so the emulator's advanceable clock (and tests) can drive them.
 */
export type Clock = {
  /** Current time in epoch milliseconds. */
  now(): number;
  /**
   * Optional: advanceable clocks call the listener after every jump, so deadline timers re-evaluate at
   * once instead of waiting for their real-time `setTimeout`. Returns an unsubscribe function.
   */
  onAdvance?(listener: () => void): () => void;
};

export const systemClock: Clock = { now: () => Date.now() };

export function isoTime(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}
