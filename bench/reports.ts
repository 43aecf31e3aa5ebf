import { runBackendWorker } from './support/backend-worker';
import type { Distribution } from './support/stats';

export type ReportsBackendResult = {
  backend: 'pglite' | 'postgres';
  seedSeconds: number;
  counts: { conversations: number; messages: number; assignments: number };
  runs: number;
  results: { view: string; figure: string; ms: Distribution }[];
};

/**
 * Reports over 100,000 conversations and 1,000,000 messages (90 days of a 25-agent team): the
 * time to compute the overview and each chart's and table's figures, p50/p95 over repeated
 * runs, for the last 30 days and for a filtered week, on the embedded database (PGlite) and on
 * PostgreSQL. Each backend runs in a child process of its own.
 */
export async function runReports(): Promise<ReportsBackendResult[]> {
  const results: ReportsBackendResult[] = [];
  for (const backend of ['pglite', 'postgres'] as const) results.push(await runBackendWorker<ReportsBackendResult>('bench/reports-worker.ts', backend));
  return results;
}
