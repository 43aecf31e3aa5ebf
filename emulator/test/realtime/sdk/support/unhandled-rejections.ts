/**
 * Records every unhandled promise rejection in this process, as Node's default mode would crash on
 * them (an SDK client that rejects a promise no application code can reach). `stop()` returns them.
 */
export function recordUnhandledRejections(): { readonly reasons: unknown[]; stop(): unknown[] } {
  const reasons: unknown[] = [];
  const listener = (reason: unknown): void => {
    reasons.push(reason);
  };
  process.on('unhandledRejection', listener);
  return {
    reasons,
    stop() {
      process.off('unhandledRejection', listener);
      return reasons;
    },
  };
}
