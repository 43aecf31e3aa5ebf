import type { Viewer } from './presence-rules';

// One poll of GET /api/presence shared by every component on the page that shows viewers,
// running only while something is subscribed.
const POLL_MS = 3_000;
let viewers: Viewer[] = [];
let lastAnswer = '';
const NO_VIEWERS: Viewer[] = [];
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

async function poll() {
  if (typeof document !== 'undefined' && document.visibilityState !== 'visible') return;
  try {
    const response = await fetch('/api/presence', { cache: 'no-store' });
    if (!response.ok) return;
    const answer = await response.text();
    // An unchanged answer keeps the snapshot, so the list and thread do not re-render every poll.
    if (answer === lastAnswer) return;
    lastAnswer = answer;
    viewers = (JSON.parse(answer) as { viewers: Viewer[] }).viewers;
    listeners.forEach((listener) => listener());
  } catch {
    // Presence is a hint; the next poll tries again.
  }
}

export const viewersStore = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    if (!timer) {
      void poll();
      timer = setInterval(() => void poll(), POLL_MS);
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    };
  },
  getSnapshot: () => viewers,
  getServerSnapshot: () => NO_VIEWERS,
};
