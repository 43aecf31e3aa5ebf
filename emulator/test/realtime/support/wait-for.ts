type Emitter = { on(event: string, listener: (...args: never[]) => void): unknown; removeListener?(event: string, listener: (...args: never[]) => void): unknown };

/** Resolves with the arguments of the next `event` accepted by `predicate`; rejects after `timeoutMs`. */
export function nextEvent<A extends unknown[]>(
  emitter: Emitter,
  event: string,
  predicate: (...args: A) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<A> {
  return new Promise<A>((resolve, reject) => {
    const listener = (...raw: unknown[]): void => {
      const args = raw as A; // the caller names the event's argument types
      if (!predicate(...args)) return;
      clearTimeout(timer);
      emitter.removeListener?.(event, listener);
      resolve(args);
    };
    const timer = setTimeout(() => {
      emitter.removeListener?.(event, listener);
      reject(new Error(`timed out waiting for "${event}"`));
    }, timeoutMs);
    emitter.on(event, listener);
  });
}

/**
 * Resolves once `condition()` holds: checked now, then again whenever `subscribe` reports that something
 * it depends on changed (an event, never a timer). Rejects after `timeoutMs`.
 */
export function when(condition: () => boolean, subscribe: (recheck: () => void) => () => void, timeoutMs = 10_000): Promise<void> {
  if (condition()) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const unsubscribe = subscribe(() => {
      if (!condition()) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('condition not met in time'));
    }, timeoutMs);
  });
}
