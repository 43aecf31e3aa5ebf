import { runBackendWorker } from './support/backend-worker';
import type { Distribution } from './support/stats';

export type SearchBackendResult = {
  backend: 'pglite' | 'postgres';
  seedSeconds: number;
  messages: number;
  runs: number;
  results: { query: string; hits: number; ms: Distribution }[];
  indexMiB: number;
  vectorsMiB: number;
  messageTableMiB: number;
  webhookMessagesPerSecond: number;
  webhookMessagesPerSecondWithoutSearch: number;
};

/**
 * Full-text search over 1,000,000 indexed messages (100,000 conversations, varied bodies): p50/p95
 * of the inbox's search for a rare word, a common one, two words, an agent's view and a prefix; the
 * GIN index's size; and the onMessageAdded webhook's database work per second with the search
 * vector kept. On the embedded database (PGlite) and on PostgreSQL, each in a child process.
 */
export async function runSearch(): Promise<SearchBackendResult[]> {
  const results: SearchBackendResult[] = [];
  for (const backend of ['pglite', 'postgres'] as const) results.push(await runBackendWorker<SearchBackendResult>('bench/search-worker.ts', backend));
  return results;
}
