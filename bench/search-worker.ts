// One backend's search benchmark, in its own process (`tsx --conditions=react-server`, like the
// app's own scripts). bench/search.ts runs it and reads the JSON it prints last.
import { recordMessage } from '@/lib/conversation-index/record-message';
import { searchConversations } from '@/lib/search/search-conversations';
import { runWorker, startWorkerDatabase } from './support/worker-database';
import { seedReportHistory } from './support/seed-report-history';
import { SEARCH_BODY_SQL } from './support/seed-search-bodies';
import { distribution } from './support/stats';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS) || 100_000; // × 10 messages
const RUNS = Number(process.env.BENCH_RUNS) || 15;
const WEBHOOK_MESSAGES = Number(process.env.BENCH_WEBHOOK_MESSAGES) || 1_000;

async function main() {
  const database = await startWorkerDatabase();
  const { backend } = database;
  try {
    const seedStarted = performance.now();
    await seedReportHistory(database.url, { conversations: CONVERSATIONS, messagesPerConversation: 10, agents: 25, days: 90 }, new Date(), {
      messageBody: SEARCH_BODY_SQL,
      onProgress: (line) => console.error(`search bench (${backend}): ${line}`),
    });
    const seedSeconds = Math.round((performance.now() - seedStarted) / 100) / 10;
    console.error(`search bench (${backend}): ${CONVERSATIONS * 10} messages seeded in ${seedSeconds} s`);
    database.use();
    const { db } = await import('@/lib/db/client');
    await db.$executeRawUnsafe('ANALYZE');
    const messages = await db.messageIndex.count();

    const supervisor = { id: 'bench-supervisor', role: 'SUPERVISOR' as const };
    const agent = { id: 'agent-3', role: 'AGENT' as const };
    const queries = [
      { query: 'zanzibar (rare word, ~1 in 10,000 messages)', user: supervisor, text: 'zanzibar' },
      { query: 'refund (common word, ~11% of messages)', user: supervisor, text: 'refund' },
      { query: 'damaged parcel (two words)', user: supervisor, text: 'damaged parcel' },
      { query: 'damaged parcel, as one agent', user: agent, text: 'damaged parcel' },
      { query: 'damag… (a word being typed)', user: supervisor, text: 'damag' },
    ];
    const results: { query: string; hits: number; ms: ReturnType<typeof distribution> }[] = [];
    for (const { query, user, text } of queries) {
      const hits = (await searchConversations(user, text)).length; // warm
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        await searchConversations(user, text);
        times.push(performance.now() - started);
      }
      results.push({ query, hits, ms: distribution(times) });
    }

    const [sizes] = await db.$queryRaw<{ index: bigint; table: bigint; vectors: bigint }[]>`
      SELECT pg_relation_size('"MessageIndex_searchVector_idx"') AS index, pg_total_relation_size('"MessageIndex"') AS table,
        (SELECT sum(pg_column_size("searchVector")) FROM "MessageIndex") AS vectors`;

    // The onMessageAdded webhook's database work, one message after another: with the search
    // vector and its GIN index kept as part of each insert, then without them (for comparison).
    let messageNumber = 0;
    const recordMessages = async () => {
      const started = performance.now();
      for (let n = 0; n < WEBHOOK_MESSAGES; n++) {
        await recordMessage({
          conversationSid: `CH${String(1 + (n % 500)).padStart(32, '0')}`,
          messageSid: `IM${'f'.repeat(24)}${(messageNumber++).toString(16).padStart(8, '0')}`,
          author: n % 2 ? 'agent-1' : '+15550001111',
          body: 'Hello, my parcel arrived damaged and the tracking number on the label does not work',
          mediaCount: 0,
          at: new Date(),
        });
      }
      return Math.round(WEBHOOK_MESSAGES / ((performance.now() - started) / 1000));
    };
    const webhookMessagesPerSecond = await recordMessages();
    await db.$executeRawUnsafe('ALTER TABLE "MessageIndex" DROP COLUMN "searchVector"');
    const webhookMessagesPerSecondWithoutSearch = await recordMessages();
    await db.$disconnect();
    const mib = (bytes: bigint | null) => Math.round(Number(bytes ?? 0n) / 1024 / 102.4) / 10;
    console.log(
      JSON.stringify({
        backend,
        seedSeconds,
        messages,
        runs: RUNS,
        results,
        indexMiB: mib(sizes!.index),
        vectorsMiB: mib(sizes!.vectors),
        messageTableMiB: mib(sizes!.table),
        webhookMessagesPerSecond,
        webhookMessagesPerSecondWithoutSearch,
      }),
    );
  } finally {
    await database.stop();
  }
}

runWorker(main);
