import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventOf } from '../src/domain/events';
import { rejection, setupTestEmulator } from './support/harness';

/**
 * States and timers on the emulator clock: `active → inactive → closed` by the conversation's timers or
 * the account defaults, fired when the clock is advanced (control API) and as real time passes.
 */
const { emu, conversations, phone: phones } = setupTestEmulator({}, { resetEach: true });
const number = '+15017122661';
let transitions: EventOf<'conversation.state-updated'>[] = [];
beforeAll(() => {
  emu.core.events.onType('conversation.state-updated', (event) => transitions.push(event));
});
beforeEach(() => {
  transitions = [];
});

const stepsOf = (sid: string) => transitions.filter((t) => t.conversation.sid === sid).map((t) => [t.previousState, t.conversation.state, t.reason]);

describe('Conversation timers', () => {
  it('goes inactive, then closed, as the clock is advanced past each timer', async () => {
    const created = await conversations().create({ friendlyName: 'Timed', 'timers.inactive': 'PT1M', 'timers.closed': 'PT10M' });
    expect(created.timers).toMatchObject({ date_inactive: expect.any(String), date_closed: expect.any(String) });

    // Dates have second precision, so stop a clear second short of the deadline, then pass it.
    await phones.advanceClock('PT58S');
    expect((await conversations()(created.sid).fetch()).state).toBe('active');
    await phones.advanceClock('PT2S');
    const inactive = await conversations()(created.sid).fetch();
    expect(inactive.state).toBe('inactive');
    expect(inactive.timers).toMatchObject({ date_closed: (created.timers as Record<string, string>).date_closed });
    await phones.advanceClock('PT9M');
    expect((await conversations()(created.sid).fetch()).state).toBe('closed');
    expect(emu.timers.nextDue()).toBeNull();
    expect(stepsOf(created.sid)).toEqual([
      ['active', 'inactive', 'timer'],
      ['inactive', 'closed', 'timer'],
    ]);
  });

  it('fires both steps, in order, when one advance passes both timers', async () => {
    const created = await conversations().create({ 'timers.inactive': 'PT5M', 'timers.closed': 'PT15M' });
    await phones.advanceClock('PT1H');
    expect((await conversations()(created.sid).fetch()).state).toBe('closed');
    expect(stepsOf(created.sid)).toEqual([
      ['active', 'inactive', 'timer'],
      ['inactive', 'closed', 'timer'],
    ]);
  });

  it('re-arms on every message, and a message reactivates an inactive conversation', async () => {
    const created = await conversations().create({ 'timers.inactive': 'PT2M' });
    const c = conversations()(created.sid);
    await phones.advanceClock('PT1M');
    await c.messages.create({ author: 'agent', body: 'still here' });
    await phones.advanceClock('PT1M30S');
    expect((await c.fetch()).state).toBe('active');
    await phones.advanceClock('PT31S');
    expect((await c.fetch()).state).toBe('inactive');
    await c.messages.create({ author: 'agent', body: 'wake up' });
    expect((await c.fetch()).state).toBe('active');
    expect(stepsOf(created.sid)).toEqual([
      ['active', 'inactive', 'timer'],
      ['inactive', 'active', 'activity'],
    ]);
  });

  it('applies the account’s default timers; a closed conversation takes no message and the next inbound starts a new one', async () => {
    await emu.client.conversations.v1.configuration().update({ defaultInactiveTimer: 'PT5M', defaultClosedTimer: 'PT10M' });
    await emu.client.conversations.v1.addressConfigurations.create({ type: 'sms', address: number, 'autoCreation.enabled': true });
    const first = await phones.send({ from: '+15558675330', to: number, body: 'Hello' });
    const sid = first.routing.conversation_sid ?? '';
    expect((await conversations()(sid).fetch()).timers).toMatchObject({ date_inactive: expect.any(String), date_closed: expect.any(String) });
    await phones.advanceClock('PT10M');
    expect((await conversations()(sid).fetch()).state).toBe('closed');
    expect(await rejection(() => conversations()(sid).messages.create({ author: 'agent', body: 'too late' }))).toMatchObject({ status: 400, code: 50350 });

    const next = await phones.send({ from: '+15558675330', to: number, body: 'Hello again' });
    expect(next.routing.outcome).toBe('autocreated');
    expect(next.routing.conversation_sid).not.toBe(sid);
    expect((await conversations()(sid).messages.list()).map((m) => m.body)).toEqual(['Hello']);
  });

  it('fires in real time, without any advance, once the deadline passes on the emulator clock', async () => {
    const created = await conversations().create({ 'timers.inactive': 'PT1M' });
    const due = Date.parse((created.timers as Record<string, string>).date_inactive ?? '');
    const fired = new Promise<EventOf<'conversation.state-updated'>>((resolve) => {
      const stop = emu.core.events.onType('conversation.state-updated', (event) => {
        if (event.conversation.sid !== created.sid) return;
        stop();
        resolve(event);
      });
    });
    // Leave 200 ms of real time before the deadline; the scheduler's own timer has to fire it.
    emu.clock.advance(Math.max(due - emu.clock.now() - 200, 0));
    expect(emu.core.store.get('conversations', created.sid)?.state).toBe('active');
    const event = await fired;
    expect(event).toMatchObject({ reason: 'timer', previousState: 'active', conversation: { state: 'inactive' } });
    expect(emu.clock.now()).toBeGreaterThanOrEqual(due);
  });

  it('resets the counters on a manual state change and keeps disabled timers off', async () => {
    const created = await conversations().create({ 'timers.inactive': 'PT1M', 'timers.closed': 'PT10M' });
    const c = conversations()(created.sid);
    await phones.advanceClock('PT50S');
    await c.update({ state: 'inactive' });
    await c.update({ state: 'active' });
    await phones.advanceClock('PT50S');
    expect((await c.fetch()).state).toBe('active');
    await c.update({ 'timers.inactive': 'PT0S', 'timers.closed': 'PT0S' });
    await phones.advanceClock('P30D');
    expect((await c.fetch()).state).toBe('active');
    expect(emu.timers.nextDue()).toBeNull();
  });
});
