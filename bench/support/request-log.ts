type Window = { from?: number; to?: number };
const within = (at: number, { from = 0, to = Number.POSITIVE_INFINITY }: Window) => at >= from && at < to;

/** Every API request a benchmark's simulated people make: when it started and how long it took; failures by kind. */
export function requestLog() {
  const requests: { what: string; startedAt: number; ms: number }[] = [];
  const failures: { what: string; at: number }[] = [];
  const failed = (what: string) => void failures.push({ what, at: performance.now() });
  return {
    failed,
    /** Times the call; a refusal or a network error counts as a failure of `what` (with its status). */
    async timed<R extends { ok(): boolean; status(): number }>(what: string, call: () => Promise<R>): Promise<R | null> {
      const startedAt = performance.now();
      const response = await call().catch(() => null);
      requests.push({ what, startedAt, ms: performance.now() - startedAt });
      if (!response?.ok()) failed(`${what} ${response?.status() ?? 'network'}`);
      return response;
    },
    /** Latencies of the requests started in the window (all by default), optionally of one kind. */
    latencies(window: Window & { what?: string } = {}): number[] {
      return requests.filter((r) => within(r.startedAt, window) && (window.what === undefined || r.what === window.what)).map((r) => r.ms);
    },
    /** Failures in the window (all by default), in total and by kind. */
    errors(window: Window = {}): { errors: number; errorsBy: Record<string, number> } {
      const errorsBy: Record<string, number> = {};
      const inWindow = failures.filter((f) => within(f.at, window));
      for (const { what } of inWindow) errorsBy[what] = (errorsBy[what] ?? 0) + 1;
      return { errors: inWindow.length, errorsBy };
    },
  };
}

export type RequestLog = ReturnType<typeof requestLog>;
