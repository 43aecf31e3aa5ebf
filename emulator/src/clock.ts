/**
 * The emulator's one source of time. Every timestamp and timer reads `clock.now()`, never `Date.now()`,
 * so a later control API (`POST /emulator/v1/Clock`) can move time forward and timers fire as on Twilio
 * without a test having to wait.
 *
 * Time keeps flowing in real time; `advance()` adds an offset on top. A frozen clock would make
 * rate-limit windows and "date_updated" ordering meaningless, so we never stop it.
 */
export type Clock = {
  /** Milliseconds since the epoch, emulator time. */
  now(): number;
  /** The current emulator time as an ISO 8601 string with second precision, as Twilio prints it. */
  isoNow(): string;
  /** Move emulator time forward by `ms` (never backwards). Returns the new time. */
  advance(ms: number): number;
  /** Current offset from wall-clock time, in ms. */
  offset(): number;
  /** Calls `listener` after every `advance()`, so schedulers re-check their deadlines at once. */
  onAdvance(listener: () => void): () => void;
};

export const toTwilioDate = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const createClock = (startOffsetMs = 0): Clock => {
  let offsetMs = startOffsetMs;
  const listeners = new Set<() => void>();
  const now = () => Date.now() + offsetMs;
  return {
    now,
    isoNow: () => toTwilioDate(now()),
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('clock can only move forward');
      offsetMs += ms;
      for (const listener of listeners) listener();
      return now();
    },
    offset: () => offsetMs,
    onAdvance(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};
