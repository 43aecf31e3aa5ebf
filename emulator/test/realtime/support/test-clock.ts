import type { Clock } from '../../../src/realtime/clock';

/** Real time plus an offset that tests advance; listeners make deadline timers fire at once. */
export type TestClock = Clock & { advance(ms: number): void };

export function createTestClock(): TestClock {
  let offset = 0;
  const listeners = new Set<() => void>();
  return {
    now: () => Date.now() + offset,
    advance(ms) {
      offset += ms;
      for (const listener of listeners) listener();
    },
    onAdvance(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
