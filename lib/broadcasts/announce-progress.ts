import 'server-only';
import { SUPERVISORS } from '@/lib/live/audiences';
import { publishLiveEventAfterWrite } from '@/lib/live/publish-live-event';

/** Progress reaches screens at most this often per broadcast, however fast messages and status callbacks go. */
export const PROGRESS_EVERY_MS = 500;

const lastSent = new Map<string, number>();
const pending = new Map<string, ReturnType<typeof setTimeout>>();

function publish(broadcastId: string): Promise<void> {
  const at = Date.now();
  // Only the last interval matters: forget broadcasts that have gone quiet.
  if (lastSent.size > 100) for (const [id, sent] of lastSent) if (at - sent > PROGRESS_EVERY_MS) lastSent.delete(id);
  lastSent.set(broadcastId, at);
  return publishLiveEventAfterWrite({ kind: 'broadcast.progress', data: { broadcastId }, audience: SUPERVISORS });
}

/**
 * Tells supervisors' screens a broadcast moved. A 10,000-recipient broadcast makes some 30,000
 * changes (sent, then two status callbacks each); one event per change would have every open
 * broadcasts page re-read the broadcast dozens of times a second. So this process announces at
 * once when it has been quiet, and otherwise once at the end of the interval — the last change is
 * always announced. `now: true` announces immediately (the broadcast finished).
 */
export async function announceProgress(broadcastId: string, { now = false } = {}): Promise<void> {
  const scheduled = pending.get(broadcastId);
  if (now) {
    if (scheduled) clearTimeout(scheduled);
    pending.delete(broadcastId);
    return publish(broadcastId);
  }
  if (scheduled) return;
  const wait = (lastSent.get(broadcastId) ?? 0) + PROGRESS_EVERY_MS - Date.now();
  if (wait <= 0) return publish(broadcastId);
  const timer = setTimeout(() => {
    pending.delete(broadcastId);
    void publish(broadcastId);
  }, wait);
  // A timer waiting to announce must not keep a process alive that is otherwise done.
  timer.unref();
  pending.set(broadcastId, timer);
}
