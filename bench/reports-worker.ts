// One backend's reports benchmark, in its own process (`tsx --conditions=react-server`, like
// the app's own scripts: the report queries are server modules). bench/reports.ts runs it and
// reads the JSON it prints last.
import { readAgentStats } from '@/lib/reports/read-agent-stats';
import { readBacklogSeries } from '@/lib/reports/read-backlog-series';
import { readBusiestHours } from '@/lib/reports/read-busiest-hours';
import { readFirstResponseDistribution } from '@/lib/reports/read-first-response-distribution';
import { readOverview } from '@/lib/reports/read-overview';
import { readServiceLevelSeries } from '@/lib/reports/read-service-level-series';
import { readVolumeSeries } from '@/lib/reports/read-volume-series';
import { resolvePeriod } from '@/lib/reports/report-period';
import { ZReportQuery } from '@/lib/reports/report-query';
import { runWorker, startWorkerDatabase } from './support/worker-database';
import { type HistorySize, seedReportHistory } from './support/seed-report-history';
import { distribution } from './support/stats';

const SIZE: HistorySize = {
  conversations: Number(process.env.BENCH_CONVERSATIONS) || 100_000,
  messagesPerConversation: 10,
  agents: 25,
  days: 90,
};
const RUNS = Number(process.env.BENCH_RUNS) || 7;

async function main() {
  const database = await startWorkerDatabase();
  const { backend } = database;
  try {
    const now = new Date();
    const seedStarted = performance.now();
    await seedReportHistory(database.url, SIZE, now);
    const seedSeconds = Math.round((performance.now() - seedStarted) / 100) / 10;
    database.use();

    const views = {
      'last 30 days': { period: resolvePeriod(ZReportQuery.parse({ range: '30d', tz: 'Europe/Paris' }), now), filters: ZReportQuery.parse({}) },
      'last 7 days, SMS + one agent': {
        period: resolvePeriod(ZReportQuery.parse({ range: '7d', tz: 'America/New_York' }), now),
        filters: ZReportQuery.parse({ channel: 'SMS', agent: 'agent-3' }),
      },
    };
    const figures = {
      overview: readOverview,
      'volume by channel': readVolumeSeries,
      'first-response distribution': readFirstResponseDistribution,
      'busiest hours': readBusiestHours,
      backlog: readBacklogSeries,
      'service level': readServiceLevelSeries,
      'agents table': readAgentStats,
    } as const;
    const results: { view: string; figure: string; ms: ReturnType<typeof distribution> }[] = [];
    for (const [view, input] of Object.entries(views)) {
      for (const [figure, read] of Object.entries(figures)) {
        await read(input); // warm: plans and caches, as on a server that has been up a while
        const times: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          const started = performance.now();
          await read(input);
          times.push(performance.now() - started);
        }
        results.push({ view, figure, ms: distribution(times) });
      }
    }
    const { db } = await import('@/lib/db/client');
    const counts = { conversations: await db.conversationIndex.count(), messages: await db.messageIndex.count(), assignments: await db.assignment.count() };
    await db.$disconnect();
    console.log(JSON.stringify({ backend, seedSeconds, counts, runs: RUNS, results }));
  } finally {
    await database.stop();
  }
}

runWorker(main);
