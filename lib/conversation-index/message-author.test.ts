import { describe, expect, it } from 'vitest';
import { classifyAuthor, isTeamReply } from './message-author';

describe('who wrote a message', () => {
  it('a phone is the customer; a team member is an agent or a supervisor by role; anything else is automated', () => {
    expect(classifyAuthor('+15558675310', null)).toEqual({ kind: 'CUSTOMER', direction: 'INBOUND', userId: null });
    expect(classifyAuthor('whatsapp:+15558675310', null).kind).toBe('CUSTOMER');
    expect(classifyAuthor('u1', { id: 'u1', role: 'AGENT' })).toEqual({ kind: 'AGENT', direction: 'OUTBOUND', userId: 'u1' });
    expect(classifyAuthor('u2', { id: 'u2', role: 'ADMIN' }).kind).toBe('SUPERVISOR');
    expect(classifyAuthor('system', null)).toEqual({ kind: 'SYSTEM', direction: 'OUTBOUND', userId: null });
    expect(classifyAuthor(null, null).kind).toBe('SYSTEM');
  });

  it('only people on the team answer the customer', () => {
    expect(isTeamReply(classifyAuthor('u1', { id: 'u1', role: 'SUPERVISOR' }))).toBe(true);
    expect(isTeamReply(classifyAuthor('system', null))).toBe(false);
    expect(isTeamReply(classifyAuthor('+15558675310', null))).toBe(false);
  });
});
