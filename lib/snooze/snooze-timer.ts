import 'server-only';
import { log } from '@/lib/observability/log';
import { wakeDueSnoozes } from './wake-conversation';

/** However far off the next snooze, look again this often: another instance may have set one sooner. */
const MAX_SLEEP_MS = 30_000;
const MIN_SLEEP_MS = 250;

const globalForTimer = globalThis as unknown as { switchboardSnoozeTimer?: { timer: ReturnType<typeof setTimeout> | null; running: boolean; stopped: boolean } };

/**
 * Wakes snoozed conversations when their time comes: each app instance sleeps until the next
 * snooze is due (at most 30 s), wakes what is due, and sleeps again. Instances may race for a
 * conversation; the wake is a conditional update under its lock, so it happens once. Started once
 * per process (instrumentation.ts).
 */
export function startSnoozeTimer(): { stop(): void } {
  globalForTimer.switchboardSnoozeTimer ??= { timer: null, running: false, stopped: false };
  const state = globalForTimer.switchboardSnoozeTimer;
  state.stopped = false;
  rearmSnoozeTimer(0);
  return {
    stop() {
      state.stopped = true;
      if (state.timer) clearTimeout(state.timer);
      globalForTimer.switchboardSnoozeTimer = undefined;
    },
  };
}

/** Look now (or after `delayMs`) instead of at the planned time: a snooze was just set in this process. */
export function rearmSnoozeTimer(delayMs = 0): void {
  const state = globalForTimer.switchboardSnoozeTimer;
  if (!state || state.stopped) return;
  if (state.timer) clearTimeout(state.timer);
  state.timer = setTimeout(() => void tick(), delayMs);
  state.timer.unref?.();
}

async function tick(): Promise<void> {
  const state = globalForTimer.switchboardSnoozeTimer;
  if (!state || state.running) return;
  state.running = true;
  let sleep = MAX_SLEEP_MS;
  try {
    const next = await wakeDueSnoozes(new Date());
    if (next) sleep = Math.min(MAX_SLEEP_MS, Math.max(MIN_SLEEP_MS, next.getTime() - Date.now()));
  } catch (error) {
    log.error('snooze.wake_failed', { error });
  } finally {
    state.running = false;
  }
  rearmSnoozeTimer(sleep);
}
