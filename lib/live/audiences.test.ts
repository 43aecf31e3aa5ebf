import { describe, expect, it } from 'vitest';
import { canReceive, conversationAudience, EVERYONE, SUPERVISORS } from './audiences';

const agent = (userId: string, viewing: string | null = null) => ({ userId, role: 'AGENT' as const, viewing });
const supervisor = { userId: 's', role: 'SUPERVISOR' as const, viewing: null };
const admin = { userId: 'x', role: 'ADMIN' as const, viewing: null };

describe('who receives a live event', () => {
  it('reaches everyone, or supervisors and admins only', () => {
    expect(canReceive(EVERYONE, agent('a'))).toBe(true);
    expect(canReceive(SUPERVISORS, agent('a'))).toBe(false);
    expect(canReceive(SUPERVISORS, supervisor)).toBe(true);
    expect(canReceive(SUPERVISORS, admin)).toBe(true);
    expect(canReceive({}, supervisor)).toBe(false);
  });

  it('sends a conversation’s changes to its owners, the floor and whoever has it open, not to other agents', () => {
    const audience = conversationAudience({ conversationSid: 'CH1', assigneeIds: ['a', null], queued: false });
    expect(canReceive(audience, agent('a'))).toBe(true);
    expect(canReceive(audience, supervisor)).toBe(true);
    expect(canReceive(audience, agent('b', 'CH1'))).toBe(true);
    expect(canReceive(audience, agent('b', 'CH2'))).toBe(false);
    expect(canReceive(audience, agent('b'))).toBe(false);
  });

  it('sends a queued conversation’s changes to every agent (their Queue tab)', () => {
    const audience = conversationAudience({ conversationSid: 'CH1', queued: true });
    expect(canReceive(audience, agent('b'))).toBe(true);
    expect(canReceive(audience, admin)).toBe(true);
  });
});
