import type { Core } from '../domain/core';
import type { DomainEvent } from '../domain/events';
import { nextTimerDue } from '../domain/timer-transitions';
import { MinHeap } from './min-heap';

/** Node's setTimeout limit (~24.8 days): longer waits are re-armed in steps. */
const MAX_WAIT_MS = 2_147_483_647;

export type TimerService = {
  /** Fires every timer due at the current emulator time; resolves when they have all fired. */
  runDue(): Promise<void>;
  /** The earliest armed timer (emulator time, ms), for tests and the control API. */
  nextDue(): number | null;
  close(): void;
};

/**
 * Fires conversation timers (States and Timers page) on the emulator clock, both as real time passes
 * (one `setTimeout` for the earliest deadline) and at once when the clock is advanced (`onAdvance`). It
 * only schedules: what a due timer does is the domain's `fireDueTimers`. Deadlines are tracked per
 * conversation from domain events, in a heap whose stale entries are skipped.
 */
export const attachTimerService = (core: Core): TimerService => {
  const due = new Map<string, number>();
  const heap = new MinHeap();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let closed = false;

  const track = (sid: string, at: number | null) => {
    if (at === null) {
      due.delete(sid);
      return;
    }
    if (due.get(sid) === at) return;
    due.set(sid, at);
    heap.push(at, sid);
  };

  const earliest = (): number | null => {
    for (let top = heap.peek(); top; top = heap.peek()) {
      if (due.get(top.key) === top.due) return top.due;
      heap.pop();
    }
    return null;
  };

  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const next = earliest();
    if (next === null || closed) return;
    const wait = Math.min(Math.max(next - core.clock.now(), 0), MAX_WAIT_MS);
    timer = setTimeout(() => void runDue(), wait);
    timer.unref();
  };

  const fireDue = async () => {
    const now = core.clock.now();
    const sids: string[] = [];
    for (let top = heap.peek(); top && top.due <= now; top = heap.peek()) {
      heap.pop();
      if (due.get(top.key) === top.due) {
        due.delete(top.key);
        sids.push(top.key);
      }
    }
    for (const sid of sids) {
      try {
        await core.timers.fireDueTimers(sid);
      } catch (error) {
        console.error(`[emulator] timer for ${sid} failed`, error);
      }
    }
  };

  /** Serialised: an advance during a run waits for it, then fires what became due. */
  const runDue = (): Promise<void> => {
    running = running.then(fireDue).finally(arm);
    return running;
  };

  const rebuild = () => {
    due.clear();
    heap.clear();
    for (const conversation of Object.values(core.store.state.conversations)) track(conversation.sid, nextTimerDue(conversation));
  };

  const onEvent = (event: DomainEvent) => {
    switch (event.type) {
      case 'conversation.added':
      case 'conversation.updated':
      case 'conversation.state-updated':
      case 'message.added':
        track(event.conversation.sid, nextTimerDue(core.store.get('conversations', event.conversation.sid) ?? event.conversation));
        break;
      case 'conversation.removed':
        due.delete(event.conversation.sid);
        break;
      case 'state.reset':
        rebuild();
        break;
      default:
        return;
    }
    arm();
  };

  rebuild();
  const unsubscribe = core.events.on(onEvent);
  const stopAdvance = core.clock.onAdvance(() => void runDue());
  arm();

  return {
    runDue,
    nextDue: earliest,
    close: () => {
      closed = true;
      unsubscribe();
      stopAdvance();
      if (timer) clearTimeout(timer);
    },
  };
};
