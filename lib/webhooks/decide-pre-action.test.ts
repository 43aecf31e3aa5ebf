import { describe, expect, it } from 'vitest';
import { decidePreAction, type PreActionActor } from './decide-pre-action';
import type { PreActionEvent, PreActionEventType } from './pre-action-events';

const CONVERSATION = `CH${'a'.repeat(32)}`;
const sdk = (type: PreActionEventType, clientIdentity = 'ada'): PreActionEvent => ({ type, isFromSdk: true, clientIdentity, conversationSid: CONVERSATION });
const ada: PreActionActor = { id: 'ada', role: 'AGENT', active: true };
const ownedBy = (assigneeId: string) => ({ assigneeId, queuedAt: null });
const queued = { assigneeId: null, queuedAt: new Date() };

describe('what Twilio publishes of an SDK client’s writes', () => {
  it('lets the owner send, edit and delete, and refuses everyone else', () => {
    for (const type of ['onMessageAdd', 'onMessageUpdate', 'onMessageRemove'] as const) {
      expect(decidePreAction(sdk(type), ada, ownedBy('ada'))).toEqual({ allowed: true });
      expect(decidePreAction(sdk(type), ada, ownedBy('ben'))).toMatchObject({ allowed: false, reason: 'not_owner' });
      expect(decidePreAction(sdk(type), ada, queued)).toMatchObject({ allowed: false, reason: 'not_owner' });
    }
  });

  it('lets only the current owner add a participant (a join included)', () => {
    expect(decidePreAction(sdk('onParticipantAdd'), ada, ownedBy('ada'))).toEqual({ allowed: true });
    expect(decidePreAction(sdk('onParticipantAdd'), ada, ownedBy('ben'))).toMatchObject({ allowed: false, reason: 'not_owner' });
    expect(decidePreAction(sdk('onParticipantAdd'), ada, null)).toMatchObject({ allowed: false, reason: 'not_owner' });
    expect(decidePreAction(sdk('onParticipantAdd', 'sam'), { id: 'sam', role: 'SUPERVISOR', active: true }, ownedBy('ben'))).toMatchObject({ allowed: false });
  });

  it('never lets a disabled or unknown identity write, even in a conversation it owned', () => {
    expect(decidePreAction(sdk('onMessageAdd'), { ...ada, active: false }, ownedBy('ada'))).toMatchObject({ allowed: false, reason: 'disabled' });
    expect(decidePreAction(sdk('onMessageAdd', 'mallory'), null, null)).toMatchObject({ allowed: false, reason: 'unknown_user' });
  });

  it('follows the app’s rule elsewhere: supervisors write, and a conversation made outside Switchboard falls back to membership', () => {
    expect(decidePreAction(sdk('onMessageAdd', 'sam'), { id: 'sam', role: 'SUPERVISOR', active: true }, ownedBy('ada'))).toEqual({ allowed: true });
    // Twilio only asks about a message from a participant, so membership already holds.
    expect(decidePreAction(sdk('onMessageAdd'), ada, null)).toEqual({ allowed: true });
    expect(decidePreAction(sdk('onMessageAdd'), ada, { assigneeId: null, queuedAt: null })).toEqual({ allowed: true });
  });

  it('lets through what does not come from an SDK: the app’s own REST calls, Twilio, customers', () => {
    const fromApi: PreActionEvent = { type: 'onMessageAdd', isFromSdk: false, clientIdentity: null, conversationSid: CONVERSATION };
    expect(decidePreAction(fromApi, null, ownedBy('ben'))).toEqual({ allowed: true });
  });
});
