// A tiny external store for useSyncExternalStore: immutable snapshots, and subscribers told
// once per animation frame however many SDK events arrived (a burst of 1,000
// conversationAdded events at start-up costs one render, not 1,000).
export type Store<T> = {
  getState(): T;
  update(recipe: (state: T) => T): void;
  subscribe(listener: () => void): () => void;
};

type Scheduler = (flush: () => void) => void;

const nextFrame: Scheduler = (flush) => {
  // Hidden tabs get no animation frames; they still need their unread counts and title.
  if (typeof document !== 'undefined' && document.visibilityState === 'visible' && typeof requestAnimationFrame === 'function') {
    requestAnimationFrame(flush);
  } else {
    setTimeout(flush, 50);
  }
};

export function createStore<T>(initial: T, schedule: Scheduler = nextFrame): Store<T> {
  let state = initial;
  let scheduled = false;
  const listeners = new Set<() => void>();
  const flush = () => {
    scheduled = false;
    for (const listener of listeners) listener();
  };
  return {
    getState: () => state,
    update(recipe) {
      const next = recipe(state);
      if (next === state) return;
      state = next;
      if (!scheduled) {
        scheduled = true;
        schedule(flush);
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
