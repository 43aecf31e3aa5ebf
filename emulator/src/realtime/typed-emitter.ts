/**
 * A minimal typed event emitter. Listener errors are reported, never thrown back into the emitter:
 * a buggy lifecycle listener must not break the socket handler that emitted the event.
 */
export type EventMap = Record<string, readonly unknown[]>;
type Listener<A extends readonly unknown[]> = (...args: A) => void;

export class TypedEmitter<E extends EventMap> {
  private readonly listeners: { [K in keyof E]?: Set<Listener<E[K]>> } = {};

  constructor(private readonly onListenerError: (error: unknown) => void = defaultListenerError) {}

  on<K extends keyof E>(event: K, listener: Listener<E[K]>): () => void {
    let set = this.listeners[event];
    if (!set) {
      set = new Set();
      this.listeners[event] = set;
    }
    set.add(listener);
    return () => this.off(event, listener);
  }

  off<K extends keyof E>(event: K, listener: Listener<E[K]>): void {
    this.listeners[event]?.delete(listener);
  }

  emit<K extends keyof E>(event: K, ...args: E[K]): void {
    const set = this.listeners[event];
    if (!set) return;
    for (const listener of set) {
      try {
        listener(...args);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}

function defaultListenerError(error: unknown): void {
  console.error('[realtime] event listener failed', error);
}
