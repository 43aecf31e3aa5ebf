import { beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../src/index';
import { TwilioError } from '../src/index';
import { rejection, setupTestEmulator } from './support/harness';

const { emu } = setupTestEmulator();
const events: DomainEvent[] = [];
beforeAll(() => {
  emu.core.events.on((event) => events.push(event));
});

const take = () => events.splice(0).map((e) => e.type);

describe('Domain events and the pre-action hook', () => {
  it('emits one typed event per change, in order, with snapshots and origin', async () => {
    take();
    const c = await emu.client.conversations.v1.conversations.create({ friendlyName: 'evented' }, );
    const conv = emu.client.conversations.v1.conversations(c.sid);
    await conv.participants.create({ identity: 'event-user' });
    await conv.messages.create({ author: 'event-user', body: 'hi' });
    await conv.update({ state: 'inactive' });
    expect(take()).toEqual([
      'conversation.added',
      'user.added',
      'participant.added',
      'message.added',
      'conversation.updated',
      'conversation.state-updated',
    ]);
    await conv.messages.create({ body: 'wakes it' });
    const [stateEvent, messageEvent] = events.splice(0);
    expect(stateEvent).toMatchObject({ type: 'conversation.state-updated', previousState: 'inactive', reason: 'activity' });
    expect(messageEvent).toMatchObject({ type: 'message.added', origin: { source: 'api', webhookEnabled: false } });
    await conv.remove();
    const [removed] = events.splice(0);
    expect(removed?.type).toBe('conversation.removed');
    if (removed?.type === 'conversation.removed') expect(removed.participants.map((p) => p.identity)).toEqual(['event-user']);
  });

  it('carries X-Twilio-Webhook-Enabled in the origin', async () => {
    take();
    await emu.client.conversations.v1.conversations.create({ xTwilioWebhookEnabled: 'true' });
    expect(events.splice(0)[0]?.origin).toEqual({ source: 'api', webhookEnabled: true });
  });

  it('lets the hook modify a change before it is written', async () => {
    emu.core.setPreActionHook(async (request) => (request.action === 'onMessageAdd' ? { body: `[filtered] ${request.proposed.body}` } : undefined));
    try {
      const c = await emu.client.conversations.v1.conversations.create({});
      const m = await emu.client.conversations.v1.conversations(c.sid).messages.create({ body: 'raw' });
      expect(m.body).toBe('[filtered] raw');
    } finally {
      emu.core.setPreActionHook();
    }
  });

  it('lets the hook reject a change, which then writes nothing and emits nothing', async () => {
    const c = await emu.client.conversations.v1.conversations.create({});
    emu.core.setPreActionHook(async (request) => {
      if (request.action === 'onParticipantAdd') throw new TwilioError(20001, 400, 'Rejected by pre-action webhook');
    });
    try {
      take();
      const state = JSON.stringify(emu.core.store.state);
      const error = await rejection(() => emu.client.conversations.v1.conversations(c.sid).participants.create({ identity: 'blocked' }));
      expect(error).toMatchObject({ status: 400, code: 20001, message: 'Rejected by pre-action webhook' });
      expect(JSON.stringify(emu.core.store.state)).toBe(state);
      expect(take()).toEqual([]);
    } finally {
      emu.core.setPreActionHook();
    }
  });

  it('re-validates the hook’s modifications', async () => {
    emu.core.setPreActionHook(async (request) => (request.action === 'onConversationAdd' ? { attributes: 'not json' } : undefined));
    try {
      expect(await rejection(() => emu.client.conversations.v1.conversations.create({}))).toMatchObject({ status: 400, code: 20001 });
    } finally {
      emu.core.setPreActionHook();
    }
  });
});
