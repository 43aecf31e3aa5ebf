// A team on one app instance (the production build, embedded database): agents and supervisors
// each holding the event stream, customers texting in at a steady rate, agents replying and
// adding notes, supervisors transferring and re-reading the floor when it changes.
//  - inbound → assigned agent: the text sent by the customer's phone → the assignment event on
//    that agent's stream (what puts the row on their screen);
//  - transfer → new owner: the supervisor's transfer request sent → the event on the new owner's stream;
//  - app API latency (every request the simulated people make), app CPU and memory (the Next
//    process, from its own metrics), errors (failed requests, streams that ended).
// Scale from the environment (TEAM_LOAD_AGENTS, _SUPERVISORS, _RATE texts/s, _SECONDS); the
// defaults are the target: 200 agents, 10 supervisors, 50 texts/s for 60 s.
import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from 'playwright-core';
import { DEFAULT_NUMBERS } from 'conversations-emulator/client';
import { phone } from 'conversations-emulator/control';
import { readStream, type StreamReader } from '../e2e/fixtures/sse-reader';
import { DEMO_PASSWORD } from '../prisma/demo-team';
import { startAppServer } from '../tests/support/app-server';
import { appSession } from './support/app-session';
import { distribution, pool } from './support/stats';

const AGENTS = Number(process.env.TEAM_LOAD_AGENTS ?? 200);
const SUPERVISORS = Number(process.env.TEAM_LOAD_SUPERVISORS ?? 10);
const RATE = Number(process.env.TEAM_LOAD_RATE ?? 50);
const SECONDS = Number(process.env.TEAM_LOAD_SECONDS ?? 60);
/** One inbound conversation in this many is transferred, one in NOTE_EVERY gets a note. */
const TRANSFER_EVERY = 10;
const NOTE_EVERY = 5;
const PASSWORD = 'team-load-password-1';
const [NUMBER] = DEFAULT_NUMBERS;

type Member = { id: string; api: APIRequestContext; stream: StreamReader };
type Heard = { kind: string; data: Record<string, unknown>; at: number };

export async function runTeamLoad() {
  const metricsToken = randomUUID();
  process.env.METRICS_TOKEN = metricsToken;
  const server = await startAppServer();
  const apiMs: number[] = [];
  let errors = 0;
  const errorsBy: Record<string, number> = {};
  const failed = (what: string) => {
    errors++;
    errorsBy[what] = (errorsBy[what] ?? 0) + 1;
  };
  const timed = async (what: string, call: () => Promise<{ ok(): boolean; status(): number }>) => {
    const started = performance.now();
    const response = await call().catch(() => null);
    apiMs.push(performance.now() - started);
    if (!response?.ok()) failed(`${what} ${response?.status() ?? 'network'}`);
    return response;
  };
  const members: Member[] = [];
  try {
    const admin = await appSession(server.url, 'avery@example.com', DEMO_PASSWORD);
    const create = async (role: 'AGENT' | 'SUPERVISOR', i: number): Promise<Member> => {
      const email = `${role.toLowerCase()}-${i}-${Date.now()}@example.com`;
      const created = await admin.post('/api/admin/users', { data: { email, name: `${role} ${i}`, password: PASSWORD, role, capacity: 100 } });
      if (created.status() !== 201) throw new Error(`creating ${email}: ${created.status()} ${await created.text()}`);
      const id = ((await created.json()) as { user: { id: string } }).user.id;
      const api = await appSession(server.url, email, PASSWORD);
      const cookie = (await api.storageState()).cookies.map(({ name, value }) => `${name}=${value}`).join('; ');
      return { id, api, stream: await readStream(`${server.url}/api/live`, { cookie }) };
    };
    const agents: Member[] = [];
    const supervisors: Member[] = [];
    await pool(Array.from({ length: AGENTS }, (_, i) => i), 4, async (i) => void agents.push(await create('AGENT', i)));
    await pool(Array.from({ length: SUPERVISORS }, (_, i) => i), 4, async (i) => void supervisors.push(await create('SUPERVISOR', i)));
    members.push(...agents, ...supervisors);
    // Each agent's browser takes its Conversations token, then goes Available.
    await pool(agents, 8, async (agent) => {
      await timed('token', () => agent.api.get('/api/token'));
      await timed('availability', () => agent.api.put('/api/me/availability', { data: { availability: 'AVAILABLE' } }));
    });

    // When each agent heard a conversation become theirs, and who waits to hear it.
    const assignments = new Map<string, { agentId: string; at: number }[]>();
    const waiters = new Map<string, (() => boolean)[]>();
    const assignedTo = (sid: string, agentId: string) =>
      new Promise<number>((resolve) => {
        const check = () => {
          const found = assignments.get(sid)?.find((entry) => entry.agentId === agentId || agentId === '*');
          if (found) resolve(found.at);
          return Boolean(found);
        };
        if (!check()) waiters.set(sid, [...(waiters.get(sid) ?? []), check]);
      });
    let running = true;
    const listen = async (member: Member, onEvent: (event: Heard) => void) => {
      try {
        while (running) {
          const event = await member.stream.next(() => true);
          if (event.data) onEvent({ kind: event.data.kind, data: event.data.data, at: performance.now() });
        }
      } catch {
        if (running) failed('stream ended'); // under load
      }
    };

    // Agents: reply to what they are given, note some of it. Supervisors: re-read the floor on a
    // change, at most once a second (as the console does).
    const work: Promise<unknown>[] = [];
    let assigned = 0;
    const owners = new Map<string, Member>();
    for (const agent of agents) {
      void listen(agent, (event) => {
        if (event.kind !== 'assignment.changed' || event.data.toUserId !== agent.id) return;
        const sid = String(event.data.conversationSid);
        assignments.set(sid, [...(assignments.get(sid) ?? []), { agentId: agent.id, at: event.at }]);
        owners.set(sid, agent);
        waiters.set(sid, (waiters.get(sid) ?? []).filter((check) => !check()));
        assigned++;
        work.push(timed('reply', () => agent.api.post(`/api/conversations/${sid}/messages`, { data: { body: 'On it.' } })));
        if (assigned % NOTE_EVERY === 0) work.push(timed('note', () => agent.api.post(`/api/conversations/${sid}/notes`, { data: { body: 'Followed up.' } })));
      });
    }
    for (const supervisor of supervisors) {
      let last = 0;
      void listen(supervisor, () => {
        if (performance.now() - last < 1_000) return;
        last = performance.now();
        work.push(timed('overview', () => supervisor.api.get('/api/supervisor/overview')));
      });
    }
    const cpuBefore = await appMetrics(server.url, metricsToken);

    // Customers text in at RATE per second for SECONDS.
    const inboundMs: number[] = [];
    const transferMs: number[] = [];
    const control = phone({ url: server.emulatorUrl });
    const started = performance.now();
    const texts: Promise<void>[] = [];
    for (let i = 0; i < RATE * SECONDS; i++) {
      const due = started + (i * 1_000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      texts.push(
        (async () => {
          const sentAt = performance.now();
          const answer = await control.send({ from: `+1555${String(7_000_000 + i)}`, to: NUMBER!, body: `Customer ${i} here` }).catch(() => null);
          const sid = (answer as { routing?: { conversation_sid?: string } } | null)?.routing?.conversation_sid;
          if (!sid) {
            failed('inbound not routed');
            return;
          }
          inboundMs.push((await assignedTo(sid, '*')) - sentAt);
          const owner = owners.get(sid)!;
          if (i % TRANSFER_EVERY !== 0 || agents.length < 2) return;
          const to = agents[(agents.indexOf(owner) + 1) % agents.length]!;
          const supervisor = supervisors[i % supervisors.length] ?? owner;
          const transferAt = performance.now();
          const arrived = assignedTo(sid, to.id);
          await timed('transfer', () => supervisor.api.post(`/api/conversations/${sid}/transfer`, { data: { to: to.id } }));
          transferMs.push((await arrived) - transferAt);
        })(),
      );
    }
    await Promise.all(texts);
    const elapsedSeconds = (performance.now() - started) / 1_000;
    await Promise.all(work);
    const cpuAfter = await appMetrics(server.url, metricsToken);
    running = false;

    return {
      agents: AGENTS,
      supervisors: SUPERVISORS,
      textsPerSecond: RATE,
      seconds: SECONDS,
      inbound: RATE * SECONDS,
      inboundToAgentMs: distribution(inboundMs),
      transferToNewOwnerMs: distribution(transferMs),
      apiMs: distribution(apiMs),
      appCpuPercent: Math.round(((cpuAfter.cpuSeconds - cpuBefore.cpuSeconds) / elapsedSeconds) * 100),
      appMemoryMiB: Math.round(cpuAfter.residentBytes / 2 ** 20),
      errors,
      errorsBy,
    };
  } finally {
    for (const member of members) {
      member.stream.close();
      await member.api.dispose().catch(() => undefined);
    }
    await server.stop();
  }
}

/** The Next process's CPU time and memory, from the app's own Prometheus metrics. */
async function appMetrics(url: string, token: string): Promise<{ cpuSeconds: number; residentBytes: number }> {
  const text = await (await fetch(`${url}/api/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
  const value = (name: string) => Number(new RegExp(`^${name} ([0-9.e+-]+)`, 'm').exec(text)?.[1] ?? Number.NaN);
  return { cpuSeconds: value('switchboard_process_process_cpu_seconds_total'), residentBytes: value('switchboard_process_process_resident_memory_bytes') };
}
