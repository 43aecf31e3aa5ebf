import { describe, expect, it } from 'vitest';
import { decideTransfer, type TransferTarget } from './transfer-rules';

const agentA = { id: 'a', role: 'AGENT' } as const;
const agentB = { id: 'b', role: 'AGENT' } as const;
const supervisor = { id: 's', role: 'SUPERVISOR' } as const;
const admin = { id: 'x', role: 'ADMIN' } as const;
const to = (user: { id: string; role: 'AGENT' | 'SUPERVISOR' | 'ADMIN' }, active = true): TransferTarget => ({ kind: 'user', ...user, active });
const queue: TransferTarget = { kind: 'queue' };
const open = (assigneeId: string | null) => ({ assigneeId, state: 'ACTIVE' as const });

describe('transfer rules', () => {
  it('lets an agent hand their own conversation to a colleague or the queue', () => {
    expect(decideTransfer({ actor: agentA, conversation: open('a'), target: to(agentB) })).toEqual({ allowed: true });
    expect(decideTransfer({ actor: agentA, conversation: open('a'), target: to(supervisor) })).toEqual({ allowed: true });
    expect(decideTransfer({ actor: agentA, conversation: open('a'), target: queue })).toEqual({ allowed: true });
  });

  it('does not let an agent move someone else’s or a queued conversation', () => {
    expect(decideTransfer({ actor: agentB, conversation: open('a'), target: to(agentB) })).toEqual({ allowed: false, code: 'forbidden', reason: 'You can only transfer conversations assigned to you.' });
    expect(decideTransfer({ actor: agentB, conversation: open(null), target: to(agentB) })).toMatchObject({ allowed: false });
  });

  it('lets supervisors and admins move any open conversation, including to themselves', () => {
    for (const actor of [supervisor, admin]) {
      expect(decideTransfer({ actor, conversation: open('a'), target: to(agentB) })).toEqual({ allowed: true });
      expect(decideTransfer({ actor, conversation: open('a'), target: to(actor) })).toEqual({ allowed: true });
      expect(decideTransfer({ actor, conversation: open(null), target: to(agentA) })).toEqual({ allowed: true });
      expect(decideTransfer({ actor, conversation: open('a'), target: queue })).toEqual({ allowed: true });
    }
  });

  it('refuses pointless or impossible moves with a reason', () => {
    expect(decideTransfer({ actor: supervisor, conversation: open('a'), target: to(agentA) })).toEqual({ allowed: false, code: 'conflict', reason: 'It is already assigned to them.' });
    expect(decideTransfer({ actor: supervisor, conversation: open(null), target: queue })).toEqual({ allowed: false, code: 'conflict', reason: 'It is already waiting in the queue.' });
    expect(decideTransfer({ actor: supervisor, conversation: open('a'), target: to(agentB, false) })).toEqual({ allowed: false, code: 'conflict', reason: 'That person’s account is disabled.' });
    expect(decideTransfer({ actor: supervisor, conversation: { assigneeId: 'a', state: 'CLOSED' }, target: to(agentB) })).toEqual({ allowed: false, code: 'conflict', reason: 'A closed conversation cannot be transferred.' });
  });
});
