import { log } from '@/lib/observability/log';
import { backfillMessageIndex } from '@/lib/search/backfill-message-index';
import { reconcileConversations } from './reconcile-conversations';

export const RECONCILE_INTERVAL_MS = 30_000;

/** Periodic passes look at conversations created this recently; the first pass at all of them. */
const LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000;

const globalForReconciler = globalThis as unknown as { switchboardReconciler?: { stop(): void } };

/**
 * Runs the reconciler in this app process: a full pass at start, then a pass over recent
 * conversations every 30 s, each followed by a step of the search index's back-fill. Passes never overlap within a process; across instances, repairs
 * are serialized by an advisory lock (repairConversation). Started once per process.
 */
export function startReconciler({ intervalMs = RECONCILE_INTERVAL_MS } = {}): { stop(): void } {
  if (globalForReconciler.switchboardReconciler) return globalForReconciler.switchboardReconciler;
  let running: Promise<void> | null = null;
  let isFirst = true;
  const pass = () => {
    if (running) return;
    const now = new Date();
    const createdSince = isFirst ? null : new Date(now.getTime() - LOOKBACK_MS);
    running = reconcileConversations({ now, createdSince })
      .then((repairs) => {
        isFirst = false;
        if (repairs.length > 0) log.info('reconciler.pass', { repaired: repairs.length });
      })
      // Then a few conversations' older messages into the search index (a no-op once done).
      .then(() => backfillMessageIndex())
      .then((backfilled) => {
        if (backfilled > 0) log.info('search.backfilled', { conversations: backfilled });
      })
      .catch((error: unknown) => log.error('reconciler.pass_failed', { error }))
      .finally(() => {
        running = null;
      });
  };
  pass();
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  const handle = {
    stop() {
      clearInterval(timer);
      globalForReconciler.switchboardReconciler = undefined;
    },
  };
  globalForReconciler.switchboardReconciler = handle;
  return handle;
}
