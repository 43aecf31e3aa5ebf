const tails = new Map<string, Promise<unknown>>();

/**
 * Runs `work` after every earlier call with the same key has settled, in this process. Work on
 * other keys runs in parallel. Waiting here costs nothing, unlike waiting on a database lock,
 * which holds a pooled connection.
 */
export function serializeByKey<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  // The last one out removes the key, so the map holds only keys with work in flight.
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
