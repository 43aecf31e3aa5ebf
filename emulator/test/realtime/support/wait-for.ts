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

/** Polls a condition on the macrotask queue (for server-side effects that emit no event). */
export async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
