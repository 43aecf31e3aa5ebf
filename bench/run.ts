// `npm run bench [-- name ...]`: runs the named benchmarks (all by default), prints a table per
// benchmark and writes the full results as JSON under bench/results/. Figures are reported, never
// asserted: they depend on the machine, which is recorded with them.
import { runCapacity, TWILIO_LIMITS } from './emulator-capacity';
import { runFanout } from './emulator-fanout';
import { runInbox } from './inbox';
import { runInboxBundle } from './inbox-bundle';
import { runOrchestratorBroadcast } from './orchestrator-broadcast';
import { runPreActionHook } from './pre-action-hook';
import { runReports } from './reports';
import { runSearch } from './search';
import { runTeamLoad } from './team-load';
import { machine } from './support/machine';
import { printTable, writeResults, type Row } from './support/report';
import type { Distribution } from './support/stats';

type Benchmark = { run(): Promise<unknown>; table(result: never): Row[] };

const latencyRow = (scenario: string, d: Distribution, extra: Row = {}): Row => ({
  scenario,
  samples: d.samples,
  'p50 ms': d.p50,
  'p95 ms': d.p95,
  'p99 ms': d.p99,
  'max ms': d.max,
  ...extra,
});

const spread = (d: Distribution) => `${d.p50} / ${d.p95} / ${d.p99} ms (${d.samples})`;
const usageOf = (u: { appCpuPercent: number; appRssMiB: number; nextCpuPercent: number; nextRssMiB: number }) =>
  `app ${u.appCpuPercent}% CPU, ${u.appRssMiB} MiB (Next ${u.nextCpuPercent}%, ${u.nextRssMiB} MiB)`;

const broadcastThroughAppRows = (r: Awaited<ReturnType<typeof runOrchestratorBroadcast>>['throughApp']): Row[] => [
  { measure: `through the app (paced at ${r.appMessagesPerSecond}/s): POST /api/broadcasts, ${r.recipients.toLocaleString('en-US')} recipients`, value: `${r.createMs} ms` },
  { measure: '… until SENT on the supervisor’s page', value: `${r.sendMs} ms (${r.sendsPerSecond}/s)` },
  { measure: '… until every recipient delivered', value: `${r.allDeliveredMs} ms (${r.totals.delivered} delivered, ${r.totals.failed} failed)` },
  { measure: `inbox API p50 / p95 / p99 (${r.inboxCallsPerSecond}/s), before`, value: spread(r.inboxMs.baseline.all) },
  { measure: '… during the broadcast', value: spread(r.inboxMs.broadcast.all) },
  { measure: '… during the replies', value: spread(r.inboxMs.replies.all) },
  { measure: `${r.replies.toLocaleString('en-US')} replies at ${r.repliesPerSecond}/s → agent’s stream p50 / p95 / p99`, value: `${spread(r.replyToAgentMs)}, all in ${r.repliesMs} ms` },
  { measure: 'before the broadcast', value: usageOf(r.app.baseline) },
  { measure: 'sending', value: usageOf(r.app.sending) },
  { measure: 'delivering', value: usageOf(r.app.delivering) },
  { measure: 'replies', value: usageOf(r.app.replying) },
  { measure: 'emulator RSS after (MiB)', value: r.emulatorRssAfterMiB },
  { measure: 'errors', value: `${r.errors.all.errors} ${JSON.stringify(r.errors.all.errorsBy)}` },
];

const BENCHMARKS: Record<string, Benchmark> = {
  'emulator-fanout': {
    run: runFanout,
    table: (r: Awaited<ReturnType<typeof runFanout>>) => [
      latencyRow('SDK, 1 conversation × 100 clients (each recipient)', r.oneConversation.perRecipientMs, {
        'msg/s': r.oneConversation.messagesPerSecond,
        'deliveries/s': r.oneConversation.deliveriesPerSecond,
      }),
      latencyRow('SDK, 1 conversation × 100 clients (last recipient)', r.oneConversation.allRecipientsMs),
      latencyRow('SDK, 100 conversations × 1 client', r.hundredConversations.perRecipientMs, {
        'msg/s': r.hundredConversations.messagesPerSecond,
        'deliveries/s': r.hundredConversations.deliveriesPerSecond,
      }),
      latencyRow('light clients, 1 conversation × 100 (each recipient)', r.lightClientsOneConversation.perRecipientMs, {
        'msg/s': r.lightClientsOneConversation.messagesPerSecond,
        'deliveries/s': r.lightClientsOneConversation.deliveriesPerSecond,
      }),
      latencyRow('light clients, 1 conversation × 100 (last recipient)', r.lightClientsOneConversation.allRecipientsMs),
    ],
  },
  'emulator-capacity': {
    run: runCapacity,
    table: (r: Awaited<ReturnType<typeof runCapacity>>) => [
      { measure: 'connections held', value: `${r.established} / ${r.target}`, 'Twilio limit': TWILIO_LIMITS.connections },
      { measure: 'new connections/s', value: r.establishedPerSecond, 'Twilio limit': TWILIO_LIMITS.newPerSecond },
      { measure: 'handshake p50 (ms, 100 in flight)', value: r.handshakeMsP50, 'Twilio limit': '' },
      { measure: 'emulator RSS before → held (MiB)', value: `${r.rssBaselineMiB} → ${r.rssHeldMiB}`, 'Twilio limit': '' },
      { measure: 'memory per connection (bytes)', value: r.bytesPerConnection, 'Twilio limit': '' },
      { measure: 'failures', value: r.failures, 'Twilio limit': '' },
    ],
  },
  // Builds the app, so it comes before `inbox`, which runs that build.
  'inbox-bundle': {
    run: runInboxBundle,
    table: (r: Awaited<ReturnType<typeof runInboxBundle>>) => [{ route: r.route, files: r.files, 'raw KiB': r.rawKiB, 'gzip KiB': r.gzipKiB }],
  },
  inbox: {
    run: runInbox,
    table: (r: Awaited<ReturnType<typeof runInbox>>) => [
      { measure: `list: first rows on screen (${r.conversations} conversations)`, 'median ms': r.listFirstRowsMs.median, runs: r.listFirstRowsMs.runs.join(', ') },
      { measure: `list: all ${r.conversations} loaded`, 'median ms': r.listAllLoadedMs.median, runs: r.listAllLoadedMs.runs.join(', ') },
      { measure: `thread: open ${r.threadMessages.toLocaleString('en-US')} messages`, 'median ms': r.threadOpenMs.median, runs: r.threadOpenMs.runs.join(', ') },
      { measure: 'send-to-render p50 / p95', 'median ms': `${r.sendToRenderMs.p50} / ${r.sendToRenderMs.p95}`, runs: `${r.sendToRenderMs.samples} sends, max ${r.sendToRenderMs.max}` },
    ],
  },
  'orchestrator-broadcast': {
    run: runOrchestratorBroadcast,
    table: (r: Awaited<ReturnType<typeof runOrchestratorBroadcast>>) => [
      { measure: `send ${r.recipients.toLocaleString('en-US')} (messages.create, rate limit off)`, value: `${r.sendMs} ms (${r.sendsPerSecond}/s)` },
      { measure: 'until the last one is captured', value: `${r.allCapturedMs} ms` },
      { measure: `${r.replies.toLocaleString('en-US')} replies captured and bridged`, value: `${r.repliesMs} ms (${r.v1Conversations} v1 conversations)` },
      { measure: 'reply p50 / p95 / max', value: `${r.replyMs.p50} / ${r.replyMs.p95} / ${r.replyMs.max} ms` },
      { measure: 'emulator RSS before → after (MiB)', value: `${r.rssBeforeMiB} → ${r.rssAfterMiB}` },
      ...broadcastThroughAppRows(r.throughApp),
    ],
  },
  'pre-action-hook': {
    run: runPreActionHook,
    table: (r: Awaited<ReturnType<typeof runPreActionHook>>) => [
      latencyRow('pre-action webhook: signed onMessageAdd → answer', r.hookMs),
      latencyRow('send-to-render, with the hook', r.sendToRenderMs.withHook),
      latencyRow('send-to-render, without the hook', r.sendToRenderMs.withoutHook),
    ],
  },
  'team-load': {
    run: runTeamLoad,
    table: (r: Awaited<ReturnType<typeof runTeamLoad>>) => [
      ...r.runs.flatMap((run) => {
        const name = `${run.design} · ${run.database}`;
        const heard = run.design === 'stream' ? "assigned agent's stream" : 'owner in Twilio';
        return [
          latencyRow(`${name}: inbound text → ${heard} (${r.agents} agents, ${r.textsPerSecond}/s × ${r.seconds} s)`, run.inboundToAgentMs),
          latencyRow(`${name}: burst of ${r.burst} → ${heard}`, run.burstToAgentMs),
          latencyRow(`${name}: transfer → new owner`, run.transferToNewOwnerMs),
          latencyRow(`${name}: app API (every request; ${r.supervisors} supervisors)`, run.apiMs),
          {
            scenario:
              `${name}: ${run.apiRequestsPerSecond} API req/s · DB ${run.dbStatementsPerSecond ?? 'n/a'} statements/s · ` +
              `webhook p99 ${run.webhookP99 ? (Number.isFinite(run.webhookP99.atMostMs) ? `≤ ${run.webhookP99.atMostMs} ms` : '> 10 s') : 'n/a'} · app CPU ${run.appCpuPercent}% · ${run.appMemoryMiB} MiB · ` +
              `errors ${run.errors} ${JSON.stringify(run.errorsBy)} · refused after a transfer ${run.refusedAfterTransfer}`,
          },
          {
            scenario:
              `${name}: CPU, % of a core: ${Object.entries(run.cpu.percentOfACore).map(([part, percent]) => `${part} ${percent}`).join(' · ')} · ` +
              `the machine ${run.cpu.machineBusyPercent ?? 'n/a'}% busy (${run.cpu.cores} cores)`,
          },
          { scenario: `${name}, then ${run.idle.seconds} s without traffic: ${run.idle.apiRequestsPerSecond} API req/s · DB ${run.idle.dbStatementsPerSecond ?? 'n/a'} statements/s` },
        ];
      }),
      ...r.ratios.map((ratio) => ({
        scenario:
          `polling ÷ stream (${ratio.database}): DB statements/s ×${ratio.dbStatementsPerSecond ?? 'n/a'} (without traffic ×${ratio.idleDbStatementsPerSecond ?? 'n/a'}) · ` +
          `API req/s ×${ratio.apiRequestsPerSecond} · API p95 ×${ratio.apiP95} · app CPU ×${ratio.appCpu}`,
      })),
    ],
  },
  reports: {
    run: runReports,
    table: (r: Awaited<ReturnType<typeof runReports>>) =>
      r.flatMap((backend) =>
        backend.results.map((row) => ({
          database: `${backend.backend} (${backend.counts.conversations.toLocaleString('en-US')} conv., ${backend.counts.messages.toLocaleString('en-US')} msg.)`,
          view: row.view,
          figure: row.figure,
          'p50 ms': row.ms.p50,
          'p95 ms': row.ms.p95,
          runs: row.ms.samples,
        })),
      ),
  },
  search: {
    run: runSearch,
    table: (r: Awaited<ReturnType<typeof runSearch>>) =>
      r.flatMap((backend) => [
        ...backend.results.map((row) => ({
          database: `${backend.backend} (${backend.messages.toLocaleString('en-US')} msg.)`,
          measure: `search: ${row.query} (${row.hits} shown)`,
          'p50 ms': row.ms.p50,
          'p95 ms': row.ms.p95,
        })),
        { database: backend.backend, measure: `GIN index ${backend.indexMiB} MiB · vectors ${backend.vectorsMiB} MiB · message table ${backend.messageTableMiB} MiB`, 'p50 ms': '', 'p95 ms': '' },
        { database: backend.backend, measure: `webhook indexing, one at a time: ${backend.webhookMessagesPerSecond} messages/s (${backend.webhookMessagesPerSecondWithoutSearch} without search)`, 'p50 ms': '', 'p95 ms': '' },
      ]),
  },
};

async function main(): Promise<void> {
  const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const names = requested.length > 0 ? requested : Object.keys(BENCHMARKS);
  const unknown = names.filter((name) => !BENCHMARKS[name]);
  if (unknown.length > 0) throw new Error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(BENCHMARKS).join(', ')}`);
  const host = machine();
  console.log(`Machine: ${host.cpuModel}, ${host.cores} cores, ${host.memoryGiB} GiB, ${host.platform}, Node ${host.node}`);
  for (const name of names) {
    const benchmark = BENCHMARKS[name] as Benchmark;
    console.log(`\nRunning ${name}…`);
    const result = await benchmark.run();
    printTable(name, benchmark.table(result as never));
    console.log(`→ ${writeResults(name, { name, machine: host, at: new Date().toISOString(), result })}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
