import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext } from 'playwright-core';

/**
 * The app as it was before the event stream: main just before it landed, when every panel
 * polled. The benchmark runs the same team against it, back to back with the current design.
 */
export const POLLING_DESIGN_REF = process.env.TEAM_LOAD_POLLING_REF ?? '77a8a38';

/** A production build of the polling design in a checkout of its own (made once, then reused). */
export function preparePollingDesign(ref = POLLING_DESIGN_REF): string {
  const dir = path.join(os.tmpdir(), `switchboard-polling-${ref}`);
  const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (!existsSync(dir)) {
    // The files of that commit only (git archive): nothing is added to this repository's own state.
    const files = execFileSync('git', ['archive', '--format=tar', ref], { maxBuffer: 2 ** 30 });
    mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['-x', '-C', dir], { input: files });
  }
  if (!existsSync(path.join(dir, 'node_modules'))) run('npm', ['ci', '--no-audit', '--no-fund'], dir);
  if (!existsSync(path.join(dir, '.next', 'BUILD_ID'))) run('npm', ['run', 'build'], dir);
  return dir;
}

// What each screen of the polling design asked for, and how often (its components' intervals).
const INTERVALS = {
  heartbeat: 15_000, // the availability toggle, every signed-in agent
  notes: 3_000, // the open conversation's notes
  presence: 5_000, // "viewing" for the open conversation
  viewers: 3_000, // who else is viewing what, for the inbox list
  floor: 3_000, // the supervisor console
};

type Timed = (what: string, call: () => Promise<{ ok(): boolean; status(): number }>) => Promise<unknown>;

/**
 * An agent's browser in the polling design: the heartbeat and the viewers always, and the notes
 * and presence of the conversation it has open. Returns `open(sid)`, `close(sid)` and `stop()`.
 */
export function pollAsAgent(api: APIRequestContext, timed: Timed) {
  let openSid: string | null = null;
  const timers = [
    every(INTERVALS.heartbeat, () => timed('heartbeat', () => api.post('/api/me/heartbeat', { data: {} }))),
    every(INTERVALS.viewers, () => timed('viewers poll', () => api.get('/api/presence'))),
    every(INTERVALS.notes, () => openSid && timed('notes poll', () => api.get(`/api/conversations/${openSid}/notes`))),
    every(INTERVALS.presence, () => openSid && timed('presence', () => api.post('/api/presence', { data: { conversationSid: openSid, typing: false } }))),
  ];
  return {
    open: (sid: string) => void (openSid = sid),
    // A conversation taken away closes in the browser (the SDK says the agent left it).
    close: (sid: string) => void (openSid = openSid === sid ? null : openSid),
    stop: () => timers.forEach((stop) => stop()),
  };
}

/** A supervisor's console in the polling design: the floor, every few seconds. */
export function pollAsSupervisor(api: APIRequestContext, timed: Timed) {
  return { stop: every(INTERVALS.floor, () => timed('overview', () => api.get('/api/supervisor/overview'))) };
}

/** `task` every `ms` from a random point of the first interval (browsers don't beat in step); returns stop. */
function every(ms: number, task: () => unknown): () => void {
  let timer: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    void task();
    timer = setInterval(() => void task(), ms);
  }, Math.random() * ms);
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
