import type { Clock } from '../clock';

/**
 * Deadlines on an injected clock (token about-to-expire and expiry), kept in one binary heap with
 * a single real timer for the earliest entry. Thousands of connections therefore cost one `setTimeout`,
 * not two each, and an advanceable clock (`Clock.onAdvance`) fires everything that became due at once.
 */
export type DeadlineScheduler = {
  /** Runs `fn` once the clock reaches `deadlineMs`. Returns a cancel function. */
  at(deadlineMs: number, fn: () => void): () => void;
  /** Number of pending (not cancelled) deadlines. */
  pending(): number;
  dispose(): void;
};

type Entry = { at: number; seq: number; fn: () => void; cancelled: boolean };

// setTimeout overflows above 2^31-1 ms; later deadlines simply re-arm when that timer fires.
const MAX_TIMER_MS = 2_147_483_647;

export function createDeadlineScheduler(
  clock: Clock,
  onError: (error: unknown) => void = (error) => console.error('[realtime] deadline failed', error),
): DeadlineScheduler {
  const heap: Entry[] = [];
  let seq = 0;
  let cancelled = 0;
  let timer: NodeJS.Timeout | null = null;
  let disposed = false;

  const unsubscribe = clock.onAdvance(() => runDue());

  function runDue(): void {
    if (disposed) return;
    const now = clock.now();
    for (let top = heap[0]; top && top.at <= now; top = heap[0]) {
      pop(heap);
      if (top.cancelled) {
        cancelled--;
        continue;
      }
      top.cancelled = true; // a late cancel() of a fired entry must not skew the count
      try {
        top.fn();
      } catch (error) {
        onError(error);
      }
    }
    arm();
  }

  function arm(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    const top = heap[0];
    if (!top || disposed) return;
    const delay = Math.min(Math.max(top.at - clock.now(), 0), MAX_TIMER_MS);
    timer = setTimeout(runDue, delay);
    timer.unref();
  }

  function compactIfMostlyCancelled(): void {
    if (cancelled < 64 || cancelled * 2 < heap.length) return;
    const live = heap.filter((entry) => !entry.cancelled);
    heap.length = 0;
    for (const entry of live) push(heap, entry);
    cancelled = 0;
  }

  return {
    at(deadlineMs, fn) {
      const entry: Entry = { at: deadlineMs, seq: seq++, fn, cancelled: false };
      push(heap, entry);
      if (heap[0] === entry) {
        if (deadlineMs <= clock.now()) queueMicrotask(runDue);
        else arm();
      }
      return () => {
        if (entry.cancelled) return;
        entry.cancelled = true;
        cancelled++;
        compactIfMostlyCancelled();
      };
    },
    pending: () => heap.length - cancelled,
    dispose() {
      disposed = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      heap.length = 0;
    },
  };
}

function before(a: Entry, b: Entry): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

function push(heap: Entry[], entry: Entry): void {
  heap.push(entry);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent] as Entry;
    if (!before(entry, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = entry;
}

function pop(heap: Entry[]): void {
  const last = heap.pop();
  if (!last || heap.length === 0) return;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= heap.length) break;
    const right = left + 1;
    const l = heap[left] as Entry;
    const r = heap[right];
    const child = r && before(r, l) ? right : left;
    const c = heap[child] as Entry;
    if (!before(c, last)) break;
    heap[i] = c;
    i = child;
  }
  heap[i] = last;
}
