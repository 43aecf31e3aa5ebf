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
import { DEFAULT_NUMBERS } from 'conversations-emulator/client';
import { phone } from 'conversations-emulator/control';
import { DEMO_PASSWORD } from '../prisma/demo-team';
import { startAppServer } from '../tests/support/app-server';
import { appMetrics, cpuPercent, mebibytes } from './support/app-metrics';
import { appSession } from './support/app-session';
import { requestLog } from './support/request-log';
import { distribution, pool } from './support/stats';
import { closeTeamMember, createTeamMember, followStream, type HeardEvent, type TeamMember } from './support/team-member';

const AGENTS = Number(process.env.TEAM_LOAD_AGENTS ?? 200);
const SUPERVISORS = Number(process.env.TEAM_LOAD_SUPERVISORS ?? 10);
const RATE = Number(process.env.TEAM_LOAD_RATE ?? 50);
const SECONDS = Number(process.env.TEAM_LOAD_SECONDS ?? 60);
/** One inbound conversation in this many is transferred, one in NOTE_EVERY gets a note. */
const TRANSFER_EVERY = 10;
const NOTE_EVERY = 5;
const [NUMBER] = DEFAULT_NUMBERS;

export async function runTeamLoad() {
  const metricsToken = randomUUID();
  process.env.METRICS_TOKEN = metricsToken;
  const server = await startAppServer();
  const log = requestLog();
  const { failed, timed } = log;
  const members: TeamMember[] = [];
  const following: { stop(): void }[] = [];
  try {
    const admin = await appSession(server.url, 'avery@example.com', DEMO_PASSWORD);
    const create = (role: 'AGENT' | 'SUPERVISOR', index: number) => createTeamMember(server.url, admin, { role, index });
    const agents: TeamMember[] = [];
    const supervisors: TeamMember[] = [];
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
    // A stream that ends is an error (under load).
    const listen = (member: TeamMember, onEvent: (event: HeardEvent) => void) => void following.push(followStream(member, onEvent, () => failed('stream ended')));

    // Agents: reply to what they are given, note some of it. Supervisors: re-read the floor on a
    // change, at most once a second (as the console does).
    const work: Promise<unknown>[] = [];
    let assigned = 0;
    const owners = new Map<string, TeamMember>();
    for (const agent of agents) {
      listen(agent, (event) => {
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
      listen(supervisor, () => {
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
    for (const follower of following) follower.stop();

    return {
      agents: AGENTS,
      supervisors: SUPERVISORS,
      textsPerSecond: RATE,
      seconds: SECONDS,
      inbound: RATE * SECONDS,
      inboundToAgentMs: distribution(inboundMs),
      transferToNewOwnerMs: distribution(transferMs),
      apiMs: distribution(log.latencies()),
      appCpuPercent: cpuPercent(cpuBefore, cpuAfter, elapsedSeconds),
      appMemoryMiB: mebibytes(cpuAfter.residentBytes),
      ...log.errors(),
    };
  } finally {
    for (const follower of following) follower.stop();
    for (const member of members) await closeTeamMember(member);
    await server.stop();
  }
}
