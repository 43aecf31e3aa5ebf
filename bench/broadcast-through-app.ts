// A broadcast sent THROUGH THE APP (the production build, embedded database, the emulator as a
// child process with its rate limit off) while signed-in agents and supervisors keep using the
// inbox; then customers reply and their replies reach agents.
//  - the admin captures the number (the Orchestration API the admin page uses), a supervisor
//    POSTs the broadcast and follows its progress as the broadcasts page does (re-reading it on
//    its live events, at most every 300 ms): send duration (POST → SENT) and until every
//    recipient's status callback says delivered;
//  - the inbox's API (my conversations, the queue, search, the floor) called at a steady rate by
//    those people: p50/p95/p99 before the broadcast (baseline), during it, and during the replies;
//  - replies from phones at a steady rate: reply sent → the assignment on an agent's stream;
//  - the app's CPU and memory (Next from its metrics; the whole app — runner with the embedded
//    database, and Next — from /proc), the emulator's memory, errors by kind.
import { randomUUID } from 'node:crypto';
import { DEFAULT_NUMBERS } from 'conversations-emulator/client';
import { phone } from 'conversations-emulator/control';
import { DEMO_PASSWORD } from '../prisma/demo-team';
import { startAppServer } from '../tests/support/app-server';
import { cpuPercent, mebibytes, processGroupUsage, readAppMetrics, type Usage } from './support/app-metrics';
import { appSession } from './support/app-session';
import { startEmulatorProcess } from './support/emulator-process';
import { requestLog, type RequestLog } from './support/request-log';
import { distribution, pool } from './support/stats';
import { closeTeamMember, createTeamMember, followStream, type TeamMember } from './support/team-member';

/** The app paces a broadcast to the number's throughput (25/s by default); the emulator has no limit here. */
export const APP_MESSAGES_PER_SECOND = 500;
const AGENTS = 10;
const SUPERVISORS = 2;
/** Room for every reply: 10 agents × 100. */
const AGENT_CAPACITY = 100;
const INBOX_CALLS_PER_SECOND = 20;
const BASELINE_SECONDS = Number(process.env.BENCH_BASELINE_SECONDS ?? 20);
const REPLIES_PER_SECOND = Number(process.env.BENCH_REPLIES_PER_SECOND ?? 10);
/** Waits end without what they wait for when nothing moves for this long (a failed webhook is never retried into place). */
const REPLY_GIVE_UP_MS = 120_000;
const PROGRESS_GIVE_UP_MS = 60_000;
/** The broadcasts page re-reads a broadcast at most this often while its live events arrive. */
const PROGRESS_REREAD_MS = 300;
const [NUMBER] = DEFAULT_NUMBERS;
const BODY = 'Spring sale: 20% off everything this week. Reply to ask us anything.';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const customer = (i: number) => `+1555810${String(i).padStart(4, '0')}`;

type Totals = { total: number; pending: number; queued: number; sent: number; delivered: number; failed: number };
type BroadcastView = { broadcast: { status: 'SENDING' | 'SENT'; totals: Totals } };

export async function runBroadcastThroughApp({ recipients, replies }: { recipients: number; replies: number }) {
  const metricsToken = randomUUID();
  process.env.METRICS_TOKEN = metricsToken;
  process.env.BROADCAST_MESSAGES_PER_SECOND = String(APP_MESSAGES_PER_SECOND);
  const emulator = await startEmulatorProcess({ EMULATOR_SENT_DELAY_MS: '0', EMULATOR_DELIVERED_DELAY_MS: '0' });
  const log = requestLog();
  const members: TeamMember[] = [];
  const following: { stop(): void }[] = [];
  let stopLoad = () => Promise.resolve();
  try {
    const server = await startAppServer({ emulatorUrl: emulator.url });
    try {
      const admin = await appSession(server.url, 'avery@example.com', DEMO_PASSWORD);
      await captureNumber(admin);
      const agents: TeamMember[] = [];
      const supervisors: TeamMember[] = [];
      await pool(Array.from({ length: AGENTS }, (_, i) => i), 4, async (index) => void agents.push(await createTeamMember(server.url, admin, { role: 'AGENT', index, capacity: AGENT_CAPACITY })));
      await pool(Array.from({ length: SUPERVISORS }, (_, i) => i), 2, async (index) => void supervisors.push(await createTeamMember(server.url, admin, { role: 'SUPERVISOR', index })));
      members.push(...agents, ...supervisors);
      await admin.dispose();
      await pool(agents, 4, async (agent) => {
        await log.timed('token', () => agent.api.get('/api/token'));
        await log.timed('availability', () => agent.api.put('/api/me/availability', { data: { availability: 'AVAILABLE' } }));
      });

      // Who heard which conversation become theirs, and when.
      const assignedAt = new Map<string, number>();
      const waiting = new Map<string, (at: number) => void>();
      /** When an agent heard the conversation become theirs; null if nobody did within REPLY_GIVE_UP_MS (its webhook failed). */
      const heardAssignment = (sid: string) =>
        new Promise<number | null>((resolve) => {
          if (assignedAt.has(sid)) return resolve(assignedAt.get(sid)!);
          const giveUp = setTimeout(() => resolve(null), REPLY_GIVE_UP_MS);
          waiting.set(sid, (at) => {
            clearTimeout(giveUp);
            resolve(at);
          });
        });
      for (const agent of agents) {
        following.push(
          followStream(
            agent,
            (event) => {
              if (event.kind !== 'assignment.changed' || event.data.toUserId !== agent.id) return;
              const sid = String(event.data.conversationSid);
              if (assignedAt.has(sid)) return;
              assignedAt.set(sid, event.at);
              waiting.get(sid)?.(event.at);
            },
            () => log.failed('stream ended'),
          ),
        );
      }
      // The broadcasting supervisor's page: re-read the broadcast on its live events.
      const [broadcaster] = supervisors as [TeamMember];
      let broadcastId = '';
      let latest: BroadcastView | null = null;
      const afterRead = new Set<() => void>();
      let lastRead = 0;
      let reading = false;
      let stale = false;
      // Events that arrive during a read are answered by one more read after it.
      const reread = async () => {
        stale = true;
        if (reading) return;
        reading = true;
        while (stale) {
          stale = false;
          const wait = lastRead + PROGRESS_REREAD_MS - performance.now();
          if (wait > 0) await sleep(wait);
          lastRead = performance.now();
          const response = await log.timed('broadcast progress', () => broadcaster.api.get(`/api/broadcasts/${broadcastId}`));
          if (response?.ok()) latest = (await response.json()) as BroadcastView;
          for (const check of afterRead) check();
        }
        reading = false;
      };
      let progressEvents = 0;
      let lastProgressAt = performance.now();
      following.push(
        followStream(
          broadcaster,
          (event) => {
            if (event.kind !== 'broadcast.progress' || event.data.broadcastId !== broadcastId) return;
            progressEvents++;
            lastProgressAt = performance.now();
            void reread();
          },
          () => log.failed('stream ended'),
        ),
      );
      /** When the page first showed the broadcast in that state. */
      const shown = (done: (view: BroadcastView) => boolean) =>
        new Promise<number>((resolve) => {
          const finish = (at: number) => {
            clearInterval(quiet);
            afterRead.delete(check);
            resolve(at);
          };
          const check = () => {
            if (latest && done(latest)) finish(performance.now());
          };
          // Or the moment the page stopped moving.
          const quiet = setInterval(() => {
            if (performance.now() - lastProgressAt >= PROGRESS_GIVE_UP_MS) finish(lastProgressAt);
          }, 1_000);
          afterRead.add(check);
          check();
        });

      // The inbox in use: agents' conversations, queue and search, supervisors' floor, at a steady rate.
      stopLoad = inboxLoad(log, agents, supervisors);
      const baselineFrom = performance.now();
      const atBaseline = await usage(server.url, metricsToken, server.processGroup);
      await sleep(BASELINE_SECONDS * 1_000);

      // The broadcast.
      const list = Array.from({ length: recipients }, (_, i) => `${customer(i)},Customer ${i}`).join('\n');
      const atSend = await usage(server.url, metricsToken, server.processGroup);
      const sendFrom = performance.now();
      lastProgressAt = sendFrom;
      const created = await broadcaster.api.post('/api/broadcasts', { data: { name: 'Bench sale', body: BODY, fromNumber: NUMBER, recipients: list } });
      if (created.status() !== 201) throw new Error(`the broadcast was refused: ${created.status()} ${await created.text()}`);
      const createdMs = performance.now() - sendFrom;
      broadcastId = ((await created.json()) as { broadcast: { id: string } }).broadcast.id;
      const sentAt = await shown((view) => view.broadcast.status === 'SENT');
      const soFar = (from: number, to: number) => {
        const d = inboxLatencies(log, { from, to });
        return `${d.p50} / ${d.p95} / ${d.p99} ms (${d.samples})`;
      };
      console.log(`  through the app: SENT after ${Math.round(sentAt - sendFrom)} ms; inbox API p50 / p95 / p99 before ${soFar(baselineFrom, sendFrom)}, while sending ${soFar(sendFrom, sentAt)}`);
      const atSent = await usage(server.url, metricsToken, server.processGroup);
      const deliveredAt = await shown((view) => view.broadcast.totals.delivered + view.broadcast.totals.failed === recipients);
      const atDelivered = await usage(server.url, metricsToken, server.processGroup);
      const totals = latest!.broadcast.totals;
      console.log(`  through the app: ${totals.delivered} delivered, ${totals.failed} failed after ${Math.round(deliveredAt - sendFrom)} ms`);

      // Customers reply at a steady rate; each reply reaches an agent's stream.
      const control = phone({ url: emulator.url });
      const replyMs: number[] = [];
      const repliesFrom = performance.now();
      const sends: Promise<void>[] = [];
      for (let i = 0; i < replies; i++) {
        const wait = repliesFrom + (i * 1_000) / REPLIES_PER_SECOND - performance.now();
        if (wait > 0) await sleep(wait);
        sends.push(
          (async () => {
            const sentAtReply = performance.now();
            const answer = await control.send({ from: customer(i), to: NUMBER, body: 'Does that include shoes?' }).catch(() => null);
            const sid = answer?.routing.conversation_sid;
            if (!sid) return log.failed('reply not captured');
            const heard = await heardAssignment(sid);
            if (heard === null) return log.failed('reply never reached an agent');
            replyMs.push(heard - sentAtReply);
          })(),
        );
      }
      await Promise.all(sends);
      console.log(`  through the app: ${replyMs.length} of ${replies} replies reached an agent`);
      const repliesTo = performance.now();
      const atReplied = await usage(server.url, metricsToken, server.processGroup);
      await stopLoad();

      const windows = { baseline: { from: baselineFrom, to: sendFrom }, broadcast: { from: sendFrom, to: deliveredAt }, replies: { from: repliesFrom, to: repliesTo } };
      const inbox = (window: { from: number; to: number }) => ({
        all: inboxLatencies(log, window),
        byKind: Object.fromEntries(INBOX_KINDS.map((what) => [what, distribution(log.latencies({ ...window, what }))])),
      });
      const seconds = (from: number, to: number) => (to - from) / 1_000;
      return {
        recipients,
        appMessagesPerSecond: APP_MESSAGES_PER_SECOND,
        agents: AGENTS,
        supervisors: SUPERVISORS,
        inboxCallsPerSecond: INBOX_CALLS_PER_SECOND,
        createMs: Math.round(createdMs),
        sendMs: Math.round(sentAt - sendFrom),
        sendsPerSecond: Math.round(recipients / seconds(sendFrom, sentAt)),
        allDeliveredMs: Math.round(deliveredAt - sendFrom),
        totals,
        progressEvents,
        progressReads: distribution(log.latencies({ what: 'broadcast progress' })),
        inboxMs: { baseline: inbox(windows.baseline), broadcast: inbox(windows.broadcast), replies: inbox(windows.replies) },
        replies,
        repliesPerSecond: REPLIES_PER_SECOND,
        replyToAgentMs: distribution(replyMs),
        repliesMs: Math.round(repliesTo - repliesFrom),
        app: {
          baseline: between(atBaseline, atSend, seconds(baselineFrom, sendFrom)),
          sending: between(atSend, atSent, seconds(sendFrom, sentAt)),
          delivering: between(atSent, atDelivered, seconds(sentAt, deliveredAt)),
          replying: between(atDelivered, atReplied, seconds(deliveredAt, repliesTo)),
        },
        emulatorRssAfterMiB: mebibytes(emulator.rss()),
        errors: {
          baseline: log.errors(windows.baseline),
          broadcast: log.errors(windows.broadcast),
          replies: log.errors(windows.replies),
          all: log.errors(),
        },
      };
    } finally {
      await stopLoad();
      for (const follower of following) follower.stop();
      for (const member of members) await closeTeamMember(member);
      await server.stop();
    }
  } finally {
    await emulator.stop();
  }
}

const INBOX_KINDS = ['my conversations', 'queue', 'search', 'floor'] as const;
const inboxLatencies = (log: RequestLog, window: { from: number; to: number }) => distribution(INBOX_KINDS.flatMap((what) => log.latencies({ ...window, what })));

/** The inbox's reads at INBOX_CALLS_PER_SECOND, the kinds in turn, open loop (a slow answer does not slow the next call). Returns a stop that waits for those in flight. */
function inboxLoad(log: RequestLog, agents: TeamMember[], supervisors: TeamMember[]): () => Promise<void> {
  let running = true;
  const inFlight = new Set<Promise<unknown>>();
  const calls: Record<(typeof INBOX_KINDS)[number], (i: number) => Promise<unknown>> = {
    'my conversations': (i) => log.timed('my conversations', () => agents[i % agents.length]!.api.get('/api/me/conversations')),
    queue: (i) => log.timed('queue', () => agents[i % agents.length]!.api.get('/api/queue')),
    search: (i) => log.timed('search', () => agents[i % agents.length]!.api.get(`/api/search?${new URLSearchParams({ q: 'shoes' })}`)),
    floor: (i) => log.timed('floor', () => supervisors[i % supervisors.length]!.api.get('/api/supervisor/overview')),
  };
  const loop = (async () => {
    const start = performance.now();
    for (let i = 0; running; i++) {
      const wait = start + (i * 1_000) / INBOX_CALLS_PER_SECOND - performance.now();
      if (wait > 0) await sleep(wait);
      if (!running) break;
      const call = calls[INBOX_KINDS[i % INBOX_KINDS.length]!](Math.floor(i / INBOX_KINDS.length));
      inFlight.add(call);
      void call.finally(() => inFlight.delete(call));
    }
  })();
  return async () => {
    running = false;
    await loop;
    await Promise.all(inFlight);
  };
}

/** The admin captures the number, bridged into the inbox, through the Orchestration API the admin page uses; Twilio applies it asynchronously. */
async function captureNumber(admin: Awaited<ReturnType<typeof appSession>>): Promise<void> {
  const saved = await admin.post('/api/admin/orchestration/configurations', {
    data: {
      displayName: 'Bench broadcast',
      description: '',
      groupingType: 'GROUP_BY_PARTICIPANT_ADDRESSES',
      memoryStoreId: '',
      captures: { SMS: [NUMBER], WHATSAPP: [] },
      inactiveMinutes: null,
      closedMinutes: null,
      bridgeToInbox: true,
      idempotencyKey: randomUUID(),
    },
  });
  if (saved.status() !== 202) throw new Error(`the configuration was refused: ${saved.status()} ${await saved.text()}`);
  const { operationId } = (await saved.json()) as { operationId: string };
  for (;;) {
    const { operation } = (await (await admin.get(`/api/admin/orchestration/operations/${operationId}`)).json()) as { operation: { status: string; reason: string | null } };
    if (operation.status === 'COMPLETED') return;
    if (operation.status === 'FAILED') throw new Error(`the configuration failed: ${operation.reason}`);
    await sleep(100);
  }
}

/** Next's own figures, and the whole app's (the runner with the embedded database, and Next). */
type Reading = { next: Usage; whole: Usage };
const usage = async (url: string, token: string, group: number): Promise<Reading> => ({ next: await readAppMetrics(url, token), whole: processGroupUsage(group) });
const between = (before: Reading, after: Reading, seconds: number) => ({
  nextCpuPercent: cpuPercent(before.next, after.next, seconds),
  nextRssMiB: mebibytes(after.next.residentBytes),
  appCpuPercent: cpuPercent(before.whole, after.whole, seconds),
  appRssMiB: mebibytes(after.whole.residentBytes),
});
