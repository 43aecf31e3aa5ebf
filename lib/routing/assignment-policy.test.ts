import { describe, expect, it } from 'vitest';
import { type AgentCandidate, canTakeWork, pickAgent, PRESENCE_TIMEOUT_MS } from './assignment-policy';

const now = new Date('2026-11-21T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const agent = (id: string, patch: Partial<AgentCandidate> = {}): AgentCandidate => ({
  id,
  role: 'AGENT',
  active: true,
  availability: 'AVAILABLE',
  lastSeenAt: ago(1_000),
  capacity: 3,
  load: 0,
  lastAssignedAt: null,
  ...patch,
});

describe('who can take work', () => {
  it('needs an active agent, set Available, whose browser is there, under capacity', () => {
    expect(canTakeWork(agent('a'), now)).toBe(true);
    expect(canTakeWork(agent('a', { availability: 'AWAY' }), now)).toBe(false);
    expect(canTakeWork(agent('a', { active: false }), now)).toBe(false);
    expect(canTakeWork(agent('a', { lastSeenAt: null }), now)).toBe(false);
    expect(canTakeWork(agent('a', { lastSeenAt: ago(PRESENCE_TIMEOUT_MS + 1) }), now)).toBe(false);
    expect(canTakeWork(agent('a', { load: 3 }), now)).toBe(false);
    expect(canTakeWork(agent('a', { capacity: 0 }), now)).toBe(false);
  });

  it('routes to agents only, not supervisors or admins', () => {
    expect(canTakeWork(agent('s', { role: 'SUPERVISOR' }), now)).toBe(false);
    expect(canTakeWork(agent('x', { role: 'ADMIN' }), now)).toBe(false);
  });
});

describe('pickAgent', () => {
  it('picks the least loaded agent', () => {
    expect(pickAgent([agent('a', { load: 2 }), agent('b', { load: 1 }), agent('c', { load: 2 })], now)?.id).toBe('b');
  });

  it('breaks ties by longest idle, never-assigned first', () => {
    const candidates = [
      agent('recent', { lastAssignedAt: ago(1_000) }),
      agent('long-idle', { lastAssignedAt: ago(60_000) }),
      agent('never'),
    ];
    expect(pickAgent(candidates, now)?.id).toBe('never');
    expect(pickAgent(candidates.slice(0, 2), now)?.id).toBe('long-idle');
  });

  it('never picks someone who cannot take work, even when less loaded', () => {
    expect(pickAgent([agent('away', { availability: 'AWAY' }), agent('gone', { lastSeenAt: ago(60_000) }), agent('busy', { load: 2 })], now)?.id).toBe('busy');
    expect(pickAgent([agent('full', { load: 3 }), agent('away', { availability: 'AWAY' })], now)).toBeNull();
    expect(pickAgent([], now)).toBeNull();
  });

  it('prefers the customer’s previous agent when they can take it', () => {
    const candidates = [agent('a', { load: 0 }), agent('previous', { load: 2 })];
    expect(pickAgent(candidates, now, 'previous')?.id).toBe('previous');
    expect(pickAgent([agent('a'), agent('previous', { availability: 'AWAY' })], now, 'previous')?.id).toBe('a');
    expect(pickAgent([agent('a')], now, 'someone-gone')?.id).toBe('a');
  });
});
