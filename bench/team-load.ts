// A team on one app instance (the production build): agents and supervisors signed in, customers
// texting in at a steady rate and then in a burst, agents replying and adding notes, supervisors
// transferring one conversation in ten. Run on the embedded database and on PostgreSQL, for the
// current design (one event stream per person) and, back to back, for the polling design it
// replaced (every panel re-reading the API every few seconds):
//  - inbound → assigned agent: the customer's text sent → the assignment event on that agent's
//    stream (what puts the row on their screen). The polling design's screens learnt it from the
//    Conversations SDK, so there it is the owner appearing in Twilio (checked every 250 ms);
//  - transfer → new owner: the supervisor's request sent → the event on the new owner's stream;
//  - app API latency (every request the simulated people make), the app's webhook answer time,
//    database statements per second (PostgreSQL's pg_stat_statements, whichever design runs them),
//    app CPU and memory (the Next process's own metrics), how the machine's CPU was shared (the
//    app, the emulator, PostgreSQL and this benchmark: they share one machine here), errors.
// Both designs use one emulator process of the current tree, so only the app differs.
// Scale from the environment (TEAM_LOAD_AGENTS, _SUPERVISORS, _RATE texts/s, _SECONDS, _BURST);
// the defaults are the target: 200 agents, 10 supervisors, 50 texts/s for 60 s, a burst of 100.
// TEAM_LOAD_DESIGNS (stream,polling) and TEAM_LOAD_DATABASES (embedded,postgres) choose the runs.
import { randomUUID } from 'node:crypto';
import { createTwilioClient, DEFAULT_CREDENTIALS, DEFAULT_NUMBERS } from 'conversations-emulator/client';
import { phone } from 'conversations-emulator/control';
import { FLOOR_EVENTS } from '../lib/supervision/floor-events';
import { DEMO_PASSWORD } from '../prisma/demo-team';
import { startAppServer } from '../tests/support/app-server';
import { cpuPercent, readAppMetrics, webhookPercentileMs } from './support/app-metrics';
import { type CpuParts, cpuShares, readCpu } from './support/cpu-shares';
import { appSession } from './support/app-session';
import { LightClient } from './support/light-client';
import { type CountedDatabase, startCountedPostgres } from './support/counted-postgres';
import { startEmulatorProcess } from './support/emulator-process';
import { pollAsAgent, pollAsSupervisor, POLLING_DESIGN_REF, preparePollingDesign } from './support/polling-design';
import { distribution, pool } from './support/stats';
import { closeTeamMember, createTeamMember, followStream, type HeardEvent, type TeamMember } from './support/team-member';

const AGENTS = Number(process.env.TEAM_LOAD_AGENTS ?? 200);
const SUPERVISORS = Number(process.env.TEAM_LOAD_SUPERVISORS ?? 10);
const RATE = Number(process.env.TEAM_LOAD_RATE ?? 50);
const SECONDS = Number(process.env.TEAM_LOAD_SECONDS ?? 60);
const BURST = Number(process.env.TEAM_LOAD_BURST ?? 100);
/** A quiet spell after the traffic: the team still signed in, each agent's last conversation open. */
const IDLE_SECONDS = Number(process.env.TEAM_LOAD_IDLE_SECONDS ?? 20);
const HEARD_WITHIN_MS = 60_000;
const DESIGNS = (process.env.TEAM_LOAD_DESIGNS ?? 'stream,polling').split(',') as Design[];
const DATABASES = (process.env.TEAM_LOAD_DATABASES ?? 'embedded,postgres').split(',') as DatabaseKind[];
/** One inbound conversation in this many is transferred, one in NOTE_EVERY gets a note. */
const TRANSFER_EVERY = 10;
const NOTE_EVERY = 5;
const [NUMBER] = DEFAULT_NUMBERS;

type Design = 'stream' | 'polling';
type DatabaseKind = 'embedded' | 'postgres';
type Member = TeamMember;


export async function runTeamLoad() {
  const pollingDir = DESIGNS.includes('polling') ? preparePollingDesign() : null;
  const postgres = DATABASES.includes('postgres') ? await startCountedPostgres() : null;
  const runs: Awaited<ReturnType<typeof runScenario>>[] = [];
  try {
    // Back to back on each database, so the two designs meet the same machine.
    for (const database of DATABASES) {
      for (const design of DESIGNS) {
        const counted = database === 'postgres' ? await postgres!.database() : null;
        const run = await runScenario({ design, database, counted, cwd: design === 'polling' ? pollingDir! : undefined });
        // Each run as it ends: a later run that fails must not lose it.
        console.error(`team-load ${design} · ${database}: ${JSON.stringify(run)}`);
        runs.push(run);
      }
    }
  } finally {
    await postgres?.stop();
  }
  // How the polling design compares (its figure ÷ the stream's) where both ran.
  const ratios = DATABASES.flatMap((database) => {
    const stream = runs.find((run) => run.database === database && run.design === 'stream');
    const polling = runs.find((run) => run.database === database && run.design === 'polling');
    if (!stream || !polling) return [];
    const ratio = (a: number | null, b: number | null) => (a && b ? Math.round((a / b) * 10) / 10 : null);
    return [
      {
        database,
        dbStatementsPerSecond: ratio(polling.dbStatementsPerSecond, stream.dbStatementsPerSecond),
        idleDbStatementsPerSecond: ratio(polling.idle.dbStatementsPerSecond, stream.idle.dbStatementsPerSecond),
        apiRequestsPerSecond: ratio(polling.apiRequestsPerSecond, stream.apiRequestsPerSecond),
        apiP95: ratio(polling.apiMs.p95, stream.apiMs.p95),
        appCpu: ratio(polling.appCpuPercent, stream.appCpuPercent),
      },
    ];
  });
  return { agents: AGENTS, supervisors: SUPERVISORS, textsPerSecond: RATE, seconds: SECONDS, burst: BURST, pollingDesign: POLLING_DESIGN_REF, runs, ratios };
}

async function runScenario({ design, database, counted, cwd }: { design: Design; database: DatabaseKind; counted: CountedDatabase | null; cwd?: string }) {
  const metricsToken = randomUUID();
  process.env.METRICS_TOKEN = metricsToken;
  const emulator = await startEmulatorProcess();
  const server = await startAppServer({ cwd, databaseUrl: counted?.url, emulatorUrl: emulator.url }).catch(async (error: unknown) => {
    await emulator.stop();
    throw error;
  });
  const apiMs: number[] = [];
  // The same requests by what they were (reply, transfer, overview…): which kind is slow.
  const apiMsByKind = new Map<string, number[]>();
  const errorsBy: Record<string, number> = {};
  const failed = (what: string) => void (errorsBy[what] = (errorsBy[what] ?? 0) + 1);
  // A reply or note the app refuses (403) because a supervisor has just transferred the conversation
  // away from its author: the app doing its job, counted apart from the errors.
  let refusedAfterTransfer = 0;
  let measuring = false;
  let requests = 0;
  const timed = async <R extends { ok(): boolean; status(): number }>(what: string, call: () => Promise<R>, refusalExpected?: () => boolean): Promise<R | null> => {
    const started = performance.now();
    const response = await call().catch(() => null);
    requests++;
    if (measuring) {
      const ms = performance.now() - started;
      apiMs.push(ms);
      if (!apiMsByKind.has(what)) apiMsByKind.set(what, []);
      apiMsByKind.get(what)!.push(ms);
    }
    if (response?.status() === 403 && refusalExpected?.()) refusedAfterTransfer++;
    else if (!response?.ok()) failed(`${what} ${response?.status() ?? 'network'}`);
    return response;
  };
  const members: Member[] = [];
  const sdkClients: LightClient[] = [];
  const pollers: { stop(): void }[] = [];
  const followers: { stop(): void }[] = [];
  let running = true;
  try {
    const adminPassword = server.demoPasswords.get('avery@example.com') ?? DEMO_PASSWORD;
    const admin = await appSession(server.url, 'avery@example.com', adminPassword);
    const create = (role: 'AGENT' | 'SUPERVISOR', index: number) => createTeamMember(server.url, admin, { role, index, withStream: design === 'stream' });
    const agents: Member[] = [];
    const supervisors: Member[] = [];
    await pool(Array.from({ length: AGENTS }, (_, i) => i), 4, async (i) => void agents.push(await create('AGENT', i)));
    await pool(Array.from({ length: SUPERVISORS }, (_, i) => i), 4, async (i) => void supervisors.push(await create('SUPERVISOR', i)));
    members.push(...agents, ...supervisors);
    const byId = new Map(agents.map((agent) => [agent.id, agent]));
    const agentPollers = new Map<string, ReturnType<typeof pollAsAgent>>();
    // Each agent's browser takes its Conversations token and connects the SDK (a light protocol
    // client here), then goes Available (the polling design's browser also beat a heartbeat,
    // which is how it counted as online).
    await pool(agents, 8, async (agent) => {
      // Setup, not measured: a token the app was too busy to give is asked for again.
      let token = await timed('token', () => agent.api.get('/api/token'));
      for (let attempt = 1; attempt < 3 && !token?.ok(); attempt++) token = await timed('token', () => agent.api.get('/api/token'));
      if (!token?.ok()) throw new Error(`an agent could not take a Conversations token (${token?.status() ?? 'no answer'})`);
      const sdk = await LightClient.open(`${emulator.url.replace(/^http/, 'ws')}/v3/wsconnect`);
      sdkClients.push(sdk);
      await sdk.init(((await token.json()) as { token: string }).token);
      if (design === 'polling') await timed('heartbeat', () => agent.api.post('/api/me/heartbeat', { data: {} }));
      await timed('availability', () => agent.api.put('/api/me/availability', { data: { availability: 'AVAILABLE' } }));
    });

    // When each conversation was heard to be an agent's, and who waits to hear it.
    const assignments = new Map<string, { agentId: string; at: number }[]>();
    const waiters = new Map<string, (() => boolean)[]>();
    // Null when nobody heard it in time (an app that has fallen behind; the reconciler may route it later).
    const heardBy = (sid: string, agentId: string) =>
      new Promise<number | null>((resolve) => {
        const gaveUp = setTimeout(() => resolve(null), HEARD_WITHIN_MS);
        const check = () => {
          const found = assignments.get(sid)?.find((entry) => entry.agentId === agentId || agentId === '*');
          if (found) {
            clearTimeout(gaveUp);
            resolve(found.at);
          }
          return Boolean(found);
        };
        if (!check()) waiters.set(sid, [...(waiters.get(sid) ?? []), check]);
      });
    const work: Promise<unknown>[] = [];
    const owners = new Map<string, Member>();
    // Whom each conversation was transferred away from (set as the supervisor's request goes out).
    const transferredFrom = new Map<string, Member>();
    let assigned = 0;
    // An agent given a conversation opens it, replies, and notes some of it.
    const given = (agent: Member, sid: string, at: number) => {
      if (assignments.get(sid)?.some((entry) => entry.agentId === agent.id)) return;
      assignments.set(sid, [...(assignments.get(sid) ?? []), { agentId: agent.id, at }]);
      owners.set(sid, agent);
      waiters.set(sid, (waiters.get(sid) ?? []).filter((check) => !check()));
      agentPollers.get(agent.id)?.open(sid);
      assigned++;
      const transferredAway = () => transferredFrom.get(sid) === agent;
      work.push(timed('reply', () => agent.api.post(`/api/conversations/${sid}/messages`, { data: { body: 'On it.' } }), transferredAway));
      if (assigned % NOTE_EVERY === 0) work.push(timed('note', () => agent.api.post(`/api/conversations/${sid}/notes`, { data: { body: 'Followed up.' } }), transferredAway));
    };

    const listen = (member: Member, onEvent: (event: HeardEvent) => void) => void followers.push(followStream(member, onEvent, () => running && failed('stream ended')));
    // The polling design's screens heard of a new owner from the SDK; here, from Twilio itself.
    const twilio = createTwilioClient(emulator.url, DEFAULT_CREDENTIALS);
    const watchOwner = async (sid: string, agentId: string) => {
      while (running && !assignments.get(sid)?.some((entry) => agentId === '*' || entry.agentId === agentId)) {
        const participants = await twilio.conversations.v1.conversations(sid).participants.list().catch(() => []);
        const owner = participants.map((p) => byId.get(p.identity ?? '')).find((agent) => agent && (agentId === '*' || agent.id === agentId));
        if (owner) given(owner, sid, performance.now());
        else await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };

    if (design === 'stream') {
      for (const agent of agents) {
        listen(agent, ({ kind, data, at }) => {
          if (kind === 'assignment.changed' && data.toUserId === agent.id) given(agent, String(data.conversationSid), at);
        });
      }
      // Supervisors re-read the floor on a change to it, at most once a second (as the console does).
      for (const supervisor of supervisors) {
        let last = 0;
        listen(supervisor, ({ id, kind }) => {
          if (!FLOOR_EVENTS.has(kind) || performance.now() - last < 1_000) return;
          last = performance.now();
          // The event that made it refetch, as the console sends it: one read serves every console.
          work.push(timed('overview', () => supervisor.api.get(`/api/supervisor/overview${id ? `?after=${encodeURIComponent(id)}` : ''}`)));
        });
      }
    } else {
      for (const agent of agents) agentPollers.set(agent.id, pollAsAgent(agent.api, timed));
      pollers.push(...agentPollers.values(), ...supervisors.map((supervisor) => pollAsSupervisor(supervisor.api, timed)));
    }

    const inboundMs: number[] = [];
    const burstMs: number[] = [];
    const transferMs: number[] = [];
    const control = phone({ url: emulator.url });
    const text = async (i: number, into: number[]) => {
      const sentAt = performance.now();
      const answer = await control.send({ from: `+1555${String(7_000_000 + i)}`, to: NUMBER!, body: `Customer ${i} here` }).catch(() => null);
      const sid = (answer as { routing?: { conversation_sid?: string } } | null)?.routing?.conversation_sid;
      if (!sid) return failed('inbound not routed');
      if (design === 'polling') void watchOwner(sid, '*');
      const heardAt = await heardBy(sid, '*');
      if (heardAt === null) return failed(`inbound not heard within ${HEARD_WITHIN_MS / 1_000} s`);
      into.push(heardAt - sentAt);
      const owner = owners.get(sid)!;
      if (i % TRANSFER_EVERY !== 0 || agents.length < 2) return;
      const to = agents[(agents.indexOf(owner) + 1) % agents.length]!;
      const supervisor = supervisors[i % supervisors.length] ?? owner;
      const transferAt = performance.now();
      const arrived = heardBy(sid, to.id);
      transferredFrom.set(sid, owner);
      await timed('transfer', () => supervisor.api.post(`/api/conversations/${sid}/transfer`, { data: { to: to.id } }));
      agentPollers.get(owner.id)?.close(sid);
      if (design === 'polling') void watchOwner(sid, to.id);
      const arrivedAt = await arrived;
      if (arrivedAt === null) return failed(`transfer not heard within ${HEARD_WITHIN_MS / 1_000} s`);
      transferMs.push(arrivedAt - transferAt);
    };

    // Customers text in at RATE per second for SECONDS, then BURST at once.
    const metricsBefore = await readAppMetrics(server.url, metricsToken);
    const cpuParts: CpuParts = {
      app: (reading) => reading.group === server.processGroup,
      emulator: (reading) => reading.pid === emulator.pid,
      postgres: (reading) => reading.command === 'postgres',
      benchmark: (reading) => reading.pid === process.pid,
    };
    const cpuBefore = readCpu(cpuParts);
    const statementsBefore = (await counted?.statements()) ?? null;
    measuring = true;
    const requestsBefore = requests;
    const started = performance.now();
    const texts: Promise<void>[] = [];
    for (let i = 0; i < RATE * SECONDS; i++) {
      const wait = started + (i * 1_000) / RATE - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      texts.push(text(i, inboundMs));
    }
    for (let i = 0; i < BURST; i++) texts.push(text(RATE * SECONDS + i, burstMs));
    await Promise.all(texts);
    // Replies and notes set off by the last assignments (and re-reads those set off) finish too.
    while (work.length > 0) await Promise.all(work.splice(0));
    const elapsedSeconds = (performance.now() - started) / 1_000;
    measuring = false;
    const statementsAfter = (await counted?.statements()) ?? null;
    const cpuAfter = readCpu(cpuParts);
    const metricsAfter = await readAppMetrics(server.url, metricsToken);
    const requestsAfter = requests;

    // Then nobody writes for a while: what the team costs just by being there.
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1_000));
    const idleStatements = (await counted?.statements()) ?? null;
    const idleRequests = requests - requestsAfter;
    running = false;
    while (work.length > 0) await Promise.all(work.splice(0));
    const mostFrequentStatements = (await counted?.mostFrequent(25)) ?? null;

    return {
      design,
      database,
      inbound: RATE * SECONDS + BURST,
      inboundToAgentMs: distribution(inboundMs),
      burstToAgentMs: distribution(burstMs),
      transferToNewOwnerMs: distribution(transferMs),
      apiMs: distribution(apiMs),
      apiMsByKind: Object.fromEntries([...apiMsByKind].map(([kind, samples]) => [kind, distribution(samples)])),
      apiRequestsPerSecond: Math.round((requestsAfter - requestsBefore) / elapsedSeconds),
      webhookP99: webhookPercentileMs(metricsBefore, metricsAfter, 99),
      dbStatementsPerSecond: statementsBefore === null ? null : Math.round((statementsAfter! - statementsBefore) / elapsedSeconds),
      idle: {
        seconds: IDLE_SECONDS,
        apiRequestsPerSecond: Math.round(idleRequests / IDLE_SECONDS),
        dbStatementsPerSecond: idleStatements === null ? null : Math.round((idleStatements - statementsAfter!) / IDLE_SECONDS),
      },
      appCpuPercent: cpuPercent(metricsBefore, metricsAfter, elapsedSeconds),
      appMemoryMiB: Math.round(metricsAfter.residentBytes / 2 ** 20),
      cpu: cpuShares(cpuBefore, cpuAfter, elapsedSeconds),
      mostFrequentStatements,
      errors: Object.values(errorsBy).reduce((a, b) => a + b, 0),
      errorsBy,
      refusedAfterTransfer,
    };
  } finally {
    running = false;
    for (const stoppable of [...pollers, ...followers]) stoppable.stop();
    for (const sdk of sdkClients) sdk.close();
    for (const member of members) await closeTeamMember(member);
    await server.stop();
    await emulator.stop();
  }
}
