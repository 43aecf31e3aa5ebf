import { describe, expect, it } from 'vitest';
import { rejection, setupTestEmulator } from './support/harness';

const { emu, snapshot } = setupTestEmulator();

describe('Conversations', () => {
  it('creates, fetches, updates and deletes a conversation', async () => {
    const conversations = emu.client.conversations.v1.conversations;
    const created = await conversations.create({ friendlyName: 'Home-buying journey', attributes: '{"topic":"feedback"}' });
    expect(created.sid).toMatch(/^CH[0-9a-f]{32}$/);
    expect(created.chatServiceSid).toBe(emu.serviceSid);
    expect(created.state).toBe('active');
    expect(created.attributes).toBe('{"topic":"feedback"}');
    expect(created.url).toBe(`https://conversations.twilio.com/v1/Conversations/${created.sid}`);

    const fetched = await conversations(created.sid).fetch();
    expect(fetched.friendlyName).toBe('Home-buying journey');

    const updated = await conversations(created.sid).update({ uniqueName: 'home-1', friendlyName: 'Renamed' });
    expect(updated.uniqueName).toBe('home-1');
    expect((await conversations('home-1').fetch()).sid).toBe(created.sid);

    await conversations(created.sid).remove();
    const error = await rejection(() => conversations(created.sid).fetch());
    expect(error).toMatchObject({ status: 404, code: 20404 });
  });

  it('defaults attributes to {} and reports timers and bindings as objects', async () => {
    const c = await emu.client.conversations.v1.conversations.create({});
    expect(c.attributes).toBe('{}');
    expect(c.timers).toEqual({});
    expect(c.bindings).toEqual({});
    expect(c.friendlyName).toBeNull();
  });

  it('arms timers from ISO 8601 durations and rejects months, years and too-short timers', async () => {
    const before = emu.clock.now();
    const c = await emu.client.conversations.v1.conversations.create({ 'timers.inactive': 'PT5M', 'timers.closed': 'P1D' });
    const timers = c.timers as { date_inactive: string; date_closed: string };
    expect(Date.parse(timers.date_inactive) - before).toBeGreaterThanOrEqual(5 * 60_000 - 1000);
    expect(Date.parse(timers.date_closed) - Date.parse(timers.date_inactive)).toBeGreaterThan(23 * 3600_000);
    const state = await snapshot();
    for (const bad of [{ 'timers.inactive': 'P6M' }, { 'timers.inactive': 'PT30S' }, { 'timers.closed': 'PT5M' }]) {
      const error = await rejection(() => emu.client.conversations.v1.conversations.create(bad));
      expect(error).toMatchObject({ status: 400, code: 20001 });
    }
    expect(await snapshot()).toBe(state);
  });

  it('filters the list by state', async () => {
    const closed = await emu.client.conversations.v1.conversations.create({ friendlyName: 'to close' });
    await emu.client.conversations.v1.conversations(closed.sid).update({ state: 'closed' });
    const closedList = await emu.client.conversations.v1.conversations.list({ state: 'closed' });
    expect(closedList.map((c) => c.sid)).toContain(closed.sid);
    expect(closedList.every((c) => c.state === 'closed')).toBe(true);
    const active = await emu.client.conversations.v1.conversations.list({ state: 'active' });
    expect(active.map((c) => c.sid)).not.toContain(closed.sid);
  });

  it('never reopens a closed conversation and refuses new participants and messages in it', async () => {
    const c = await emu.client.conversations.v1.conversations.create({ state: 'closed' });
    const state = await snapshot();
    expect(await rejection(() => emu.client.conversations.v1.conversations(c.sid).update({ state: 'active' }))).toMatchObject({
      status: 400,
      code: 50350,
    });
    expect(await rejection(() => emu.client.conversations.v1.conversations(c.sid).participants.create({ identity: 'x' }))).toMatchObject({
      code: 50350,
    });
    expect(await rejection(() => emu.client.conversations.v1.conversations(c.sid).messages.create({ body: 'hi' }))).toMatchObject({
      code: 50350,
    });
    expect(await snapshot()).toBe(state);
  });

  it('moves between active and inactive, and a message reactivates an inactive conversation', async () => {
    const c = await emu.client.conversations.v1.conversations.create({});
    expect((await emu.client.conversations.v1.conversations(c.sid).update({ state: 'inactive' })).state).toBe('inactive');
    await emu.client.conversations.v1.conversations(c.sid).messages.create({ body: 'wake up' });
    expect((await emu.client.conversations.v1.conversations(c.sid).fetch()).state).toBe('active');
  });

  it('rejects bad input with Twilio-shaped 400s and leaves state unchanged', async () => {
    const existing = await emu.client.conversations.v1.conversations.create({ uniqueName: 'taken' });
    const state = await snapshot();
    const cases: [Record<string, string>, number, number][] = [
      [{ friendlyName: 'x'.repeat(257) }, 400, 20001],
      [{ attributes: '{not json' }, 400, 20001],
      [{ attributes: JSON.stringify({ big: 'x'.repeat(16 * 1024) }) }, 400, 20001],
      [{ state: 'sleeping' }, 400, 20001],
      [{ messagingServiceSid: 'MG123' }, 400, 20001],
      [{ uniqueName: 'taken' }, 409, 50353],
    ];
    for (const [params, status, code] of cases) {
      expect(await rejection(() => emu.client.conversations.v1.conversations.create(params))).toMatchObject({ status, code });
    }
    expect(await rejection(() => emu.client.conversations.v1.conversations(existing.sid).update({ attributes: '[' }))).toMatchObject({
      status: 400,
      code: 20001,
    });
    expect(await snapshot()).toBe(state);
  });

  it('serves the same data on the service-scoped and the default paths, with scoped URLs', async () => {
    const viaDefault = await emu.client.conversations.v1.conversations.create({ friendlyName: 'both ways' });
    const scoped = emu.client.conversations.v1.services(emu.serviceSid).conversations;
    const viaService = await scoped(viaDefault.sid).fetch();
    expect(viaService.friendlyName).toBe('both ways');
    expect(viaService.url).toBe(`https://conversations.twilio.com/v1/Services/${emu.serviceSid}/Conversations/${viaDefault.sid}`);
    const createdScoped = await scoped.create({ friendlyName: 'scoped' });
    expect((await emu.client.conversations.v1.conversations(createdScoped.sid).fetch()).friendlyName).toBe('scoped');
    await scoped(createdScoped.sid).update({ attributes: '{"k":1}' });
    expect((await emu.client.conversations.v1.conversations(createdScoped.sid).fetch()).attributes).toBe('{"k":1}');
  });

  it('keeps conversations of another service apart', async () => {
    const other = await emu.client.conversations.v1.services.create({ friendlyName: 'Other' });
    const c = await emu.client.conversations.v1.services(other.sid).conversations.create({ friendlyName: 'elsewhere' });
    expect(await rejection(() => emu.client.conversations.v1.conversations(c.sid).fetch())).toMatchObject({ status: 404, code: 20404 });
    const list = await emu.client.conversations.v1.services(other.sid).conversations.list();
    expect(list.map((x) => x.sid)).toEqual([c.sid]);
  });

  it('deleting a conversation removes its participants, messages, receipts and webhooks', async () => {
    const c = await emu.client.conversations.v1.conversations.create({});
    const conv = emu.client.conversations.v1.conversations(c.sid);
    const sms = await conv.participants.create({ 'messagingBinding.address': '+15550001111', 'messagingBinding.proxyAddress': emu.numbers[0] });
    await conv.participants.create({ identity: 'cascade-agent' });
    const message = await conv.messages.create({ author: 'cascade-agent', body: 'hello' });
    await emu.core.receipts.recordDelivery({ messageSid: message.sid, participantSid: sms.sid, status: 'delivered' }, { source: 'sms', webhookEnabled: false });
    await conv.webhooks.create({ target: 'webhook', 'configuration.url': 'https://example.com/hook' });
    await conv.remove();
    const s = emu.core.store.state;
    const left = [s.participants, s.messages, s.receipts, s.conversationWebhooks].flatMap((t) =>
      Object.values(t).filter((r: { conversationSid: string }) => r.conversationSid === c.sid),
    );
    expect(left).toEqual([]);
    // The address + proxy pair is free again.
    const again = await emu.client.conversations.v1.conversations.create({});
    await emu.client.conversations.v1.conversations(again.sid).participants.create({
      'messagingBinding.address': '+15550001111',
      'messagingBinding.proxyAddress': emu.numbers[0],
    });
  });
});
