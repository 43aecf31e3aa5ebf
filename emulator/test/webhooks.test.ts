import twilio from 'twilio';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST_ACTION_EVENTS } from '../src/domain/webhook-filters';
import { rejection, settledState, setupTestEmulator } from './support/harness';
import { startWebhookServer, type ReceivedWebhook, type WebhookServer } from './support/webhook-server';

/**
 * Webhooks received by a real local HTTP server: every post-action event at the right level with
 * Twilio's fields, REST gating by X-Twilio-Webhook-Enabled, signatures Twilio's validator accepts,
 * pre-action reject / modify / timeout, and bounded retries that never block the action.
 */
const { emu, v1, phone: phones } = setupTestEmulator(
  { webhooks: { preActionTimeoutMs: 300, postActionTimeoutMs: 300, retryDelaysMs: [10, 20, 40] } },
  { resetEach: true },
);
let hooks: WebhookServer;
const number = '+15017122661';
const on = { xTwilioWebhookEnabled: 'true' as const };
beforeAll(async () => {
  hooks = await startWebhookServer();
});
afterAll(async () => {
  await hooks.close();
});
beforeEach(() => {
  hooks.clear();
});
afterEach(async () => {
  await emu.carrier.idle();
  await emu.webhooks.idle();
});
const serviceWebhooks = () => v1().services(emu.serviceSid).configuration.webhooks();
const types = (received: ReceivedWebhook[]) => received.map((r) => r.params.EventType);
const settle = async () => {
  await emu.carrier.idle();
  await emu.webhooks.idle();
};

/** Fields every event must carry (Webhooks page), beyond AccountSid, EventType, Source and RetryCount. */
const FIELDS: Record<string, string[]> = {
  onConversationAdded: ['ConversationSid', 'DateCreated', 'DateUpdated', 'FriendlyName', 'Attributes', 'ChatServiceSid', 'MessagingServiceSid', 'State'],
  onConversationUpdated: ['ConversationSid', 'DateCreated', 'DateUpdated', 'FriendlyName', 'Attributes', 'ChatServiceSid', 'MessagingServiceSid', 'State'],
  onConversationRemoved: ['ConversationSid', 'DateCreated', 'DateUpdated', 'DateRemoved', 'Attributes', 'ChatServiceSid', 'MessagingServiceSid', 'State'],
  onConversationStateUpdated: ['ChatServiceSid', 'StateUpdated', 'StateFrom', 'StateTo', 'ConversationSid', 'Reason', 'MessagingServiceSid'],
  onMessageAdded: ['ConversationSid', 'MessageSid', 'MessagingServiceSid', 'Index', 'DateCreated', 'Body', 'Author', 'ParticipantSid', 'Attributes'],
  onMessageUpdated: ['ConversationSid', 'MessageSid', 'Index', 'DateCreated', 'DateUpdated', 'Body', 'Author', 'Attributes'],
  onMessageRemoved: ['ConversationSid', 'MessageSid', 'Index', 'DateCreated', 'DateUpdated', 'DateRemoved', 'Body', 'Author', 'Attributes'],
  onParticipantAdded: ['ConversationSid', 'ParticipantSid', 'DateCreated', 'Attributes', 'MessagingBinding.Type'],
  onParticipantUpdated: ['ConversationSid', 'ParticipantSid', 'DateCreated', 'DateUpdated', 'Attributes', 'MessagingBinding.Type'],
  onParticipantRemoved: ['ConversationSid', 'ParticipantSid', 'DateCreated', 'DateUpdated', 'DateRemoved', 'Attributes', 'MessagingBinding.Type'],
  onDeliveryUpdated: ['ConversationSid', 'ChatServiceSid', 'MessageSid', 'DeliveryReceiptSid', 'ChannelMessageSid', 'ParticipantSid', 'Status', 'ErrorCode', 'DateCreated', 'DateUpdated'],
  // Absent (null) values are left out, as Twilio does: these users have no friendly name yet.
  onUserAdded: ['ChatServiceSid', 'UserSid', 'DateCreated', 'Identity', 'RoleSid', 'Attributes'],
  onUserUpdated: ['ChatServiceSid', 'UserSid', 'DateCreated', 'DateUpdated', 'Identity', 'RoleSid', 'Attributes', 'FriendlyName', 'IsOnline', 'IsNotifiable'],
};

describe('Post-action webhooks', () => {
  it('sends every event type to the account, service and conversation-scoped levels with Twilio’s fields', async () => {
    const all = [...POST_ACTION_EVENTS];
    await v1().configuration.webhooks().update({ postWebhookUrl: hooks.url('/account'), filters: all, method: 'POST', target: 'webhook' });
    await serviceWebhooks().update({ postWebhookUrl: hooks.url('/service'), filters: all, method: 'POST' });

    const conversation = await v1().conversations.create({ ...on, friendlyName: 'Everything' });
    const c = v1().conversations(conversation.sid);
    await c.webhooks.create({ target: 'webhook', 'configuration.url': hooks.url('/scoped'), 'configuration.filters': all, 'configuration.method': 'post' });
    await c.update({ ...on, friendlyName: 'Everything, renamed' });
    await c.update({ ...on, state: 'inactive' });
    const sms = await c.participants.create({ ...on, 'messagingBinding.address': '+15558675340', 'messagingBinding.proxyAddress': number });
    await c.participants(sms.sid).update({ ...on, attributes: '{"vip":true}' });
    await c.participants.create({ ...on, identity: 'agent-webhooks' });
    const message = await c.messages.create({ ...on, author: 'agent-webhooks', body: 'Hello' });
    await emu.carrier.idle();
    await c.messages(message.sid).update({ ...on, body: 'Hello!' });
    await c.messages(message.sid).remove({ ...on });
    await c.participants(sms.sid).remove({ ...on });
    await v1().users(`agent-webhooks`).update({ ...on, friendlyName: 'Agent W' });
    await v1().users.create({ ...on, identity: 'someone-new' });
    await c.remove({ ...on });
    await settle();
    // A slow machine may time a delivery out and retry it: the checks below look at first attempts.
    const first = (path: string, eventType?: string) => hooks.at(path, eventType).filter((r) => r.params.RetryCount === '0');

    expect(new Set(types(first('/account')))).toEqual(new Set(all));
    expect(new Set(types(first('/service')))).toEqual(new Set(all));
    // Scoped: only this conversation's events, from the moment it was attached; no user events.
    expect(new Set(types(first('/scoped')))).toEqual(new Set(all.filter((t) => !t.startsWith('onUser') && t !== 'onConversationAdded')));

    for (const request of hooks.at('/account')) {
      const type = String(request.params.EventType);
      const expected = ['AccountSid', 'EventType', 'Source', 'RetryCount', ...(FIELDS[type] ?? [])];
      expect({ type, missing: expected.filter((k) => !(k in request.params)) }).toEqual({ type, missing: [] });
      expect(request.params.AccountSid).toBe(emu.credentials.accountSid);
      expect(String(request.params.RetryCount)).toMatch(/^[0-3]$/);
      expect(request.headers['content-type']).toContain('application/x-www-form-urlencoded');
      expect(request.headers['i-twilio-idempotency-token']).toMatch(/^[0-9a-f-]{36}$/);
    }
    const added = first('/account', 'onMessageAdded')[0];
    expect(added?.params).toMatchObject({ Body: 'Hello', Author: 'agent-webhooks', Index: '0', Source: 'API', ConversationSid: conversation.sid });
    const state = first('/account', 'onConversationStateUpdated')[0];
    expect(state?.params).toMatchObject({ StateFrom: 'active', StateTo: 'inactive', Reason: 'API' });
    const delivery = first('/account', 'onDeliveryUpdated').map((r) => [r.params.Status, r.params.Source]);
    expect(delivery).toEqual([
      ['sent', 'SMS'],
      ['delivered', 'SMS'],
    ]);
    expect(first('/account', 'onParticipantAdded')[0]?.params).toMatchObject({
      'MessagingBinding.Type': 'SMS',
      'MessagingBinding.Address': '+15558675340',
      'MessagingBinding.ProxyAddress': number,
    });
  });

  it('fires for SDK and SMS actions, but for REST actions only with X-Twilio-Webhook-Enabled: true', async () => {
    await serviceWebhooks().update({ postWebhookUrl: hooks.url('/post'), filters: ['onConversationAdded', 'onMessageAdded'], method: 'POST' });
    const quiet = await v1().conversations.create({ friendlyName: 'No echo' });
    await v1().conversations(quiet.sid).messages.create({ author: 'system', body: 'not echoed' });
    await emu.core.messages.addMessage(emu.serviceSid, quiet.sid, { author: 'sdk-user', body: 'from the SDK' }, { source: 'sdk', clientIdentity: 'sdk-user', webhookEnabled: false });
    await v1().conversations(quiet.sid).participants.create({ 'messagingBinding.address': '+15558675341', 'messagingBinding.proxyAddress': number });
    await phones.send({ from: '+15558675341', to: number, body: 'from the phone' });
    await settle();
    const seen = hooks.at('/post').map((r) => [r.params.EventType, r.params.Source, r.params.ClientIdentity, r.params.Body]);
    expect(seen.sort((a, b) => (String(a[1]) < String(b[1]) ? -1 : 1))).toEqual([
      ['onMessageAdded', 'SDK', 'sdk-user', 'from the SDK'],
      ['onMessageAdded', 'SMS', undefined, 'from the phone'],
    ]);
  });

  it('signs every request so twilio.validateRequest accepts it with the auth token and rejects it with another', async () => {
    await serviceWebhooks().update({ postWebhookUrl: hooks.url('/signed?tenant=a&x=1'), filters: ['onConversationAdded'], method: 'POST' });
    await v1().conversations.create({ ...on, friendlyName: 'Signed ünïcode & more' });
    const post = await hooks.next((r) => r.path === '/signed');
    const signature = String(post.headers['x-twilio-signature']);
    expect(twilio.validateRequest(emu.credentials.authToken, signature, hooks.url('/signed?tenant=a&x=1'), post.params)).toBe(true);
    expect(twilio.validateRequest('not-the-token', signature, hooks.url('/signed?tenant=a&x=1'), post.params)).toBe(false);
    expect(twilio.validateRequest(emu.credentials.authToken, signature, hooks.url('/signed'), post.params)).toBe(false);

    // GET: the fields travel in the query string and are signed as part of the URL.
    await serviceWebhooks().update({ postWebhookUrl: hooks.url('/get'), method: 'GET' });
    await v1().conversations.create({ ...on, friendlyName: 'Signed GET' });
    const get = await hooks.next((r) => r.path === '/get');
    expect(get.method).toBe('GET');
    expect(get.params.FriendlyName).toBe('Signed GET');
    expect(twilio.validateRequest(emu.credentials.authToken, String(get.headers['x-twilio-signature']), get.url, {})).toBe(true);
  });

  it('fires the scoped trigger target only for messages containing a keyword', async () => {
    const conversation = await v1().conversations.create({});
    const c = v1().conversations(conversation.sid);
    await c.webhooks.create({ target: 'trigger', 'configuration.url': hooks.url('/trigger'), 'configuration.triggers': ['help', 'agent'] });
    for (const body of ['I need HELP now', 'helpful tips', 'hello', 'talk to an agent.']) await c.messages.create({ ...on, author: 'x', body });
    await settle();
    expect(hooks.at('/trigger').map((r) => r.params.Body)).toEqual(['I need HELP now', 'talk to an agent.']);
  });

  it('retries a failing delivery with backoff, a bounded number of times, with one idempotency token', async () => {
    hooks.on('/flaky', () => ({ status: 503 }));
    hooks.on('/gone', () => ({ status: 410 }));
    let calls = 0;
    hooks.on('/once', () => ({ status: (calls += 1) === 1 ? 500 : 200 }));
    await v1().configuration.webhooks().update({ postWebhookUrl: hooks.url('/flaky'), filters: ['onConversationAdded'], method: 'POST', target: 'webhook' });
    await serviceWebhooks().update({ postWebhookUrl: hooks.url('/gone'), filters: ['onConversationAdded'], method: 'POST' });
    const conversation = await v1().conversations.create({ ...on });
    await c_webhook(conversation.sid);
    await settle();

    const flaky = hooks.at('/flaky');
    expect(flaky.map((r) => r.params.RetryCount)).toEqual(['0', '1', '2', '3']);
    expect(new Set(flaky.map((r) => r.headers['i-twilio-idempotency-token'])).size).toBe(1);
    for (let i = 1; i < flaky.length; i += 1) expect((flaky[i]?.at ?? 0) - (flaky[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(5 * i);
    // A 4xx is an answer, not a failure to deliver: no retry.
    expect(hooks.at('/gone').length).toBe(1);
    expect(hooks.at('/once').map((r) => r.params.RetryCount)).toEqual(['0', '1']);
    // Nothing further is scheduled.
    expect(hooks.at('/flaky').length).toBe(4);
  });

  it('keeps each conversation’s events in order, while a slow one never holds up another conversation’s', async () => {
    // The first event of "Slow" hangs until the emulator's timeout; "Fast" is created after it.
    hooks.on('/ordered', (r) => (r.params.FriendlyName === 'Slow' && r.params.EventType === 'onConversationAdded' && r.params.RetryCount === '0' ? 'hang' : { status: 200 }));
    await serviceWebhooks().update({ postWebhookUrl: hooks.url('/ordered'), filters: ['onConversationAdded', 'onConversationUpdated'], method: 'POST' });
    const slow = await v1().conversations.create({ ...on, friendlyName: 'Slow' });
    await hooks.next((r) => r.params.ConversationSid === slow.sid);
    await v1().conversations(slow.sid).update({ ...on, friendlyName: 'Slow, renamed' });
    const fast = await v1().conversations.create({ ...on, friendlyName: 'Fast' });
    await settle();

    const firstAttempts = hooks.at('/ordered').filter((r) => r.params.RetryCount === '0');
    const event = (sid: string) => firstAttempts.filter((r) => r.params.ConversationSid === sid).map((r) => r.params.EventType);
    expect(event(slow.sid)).toEqual(['onConversationAdded', 'onConversationUpdated']);
    const position = (sid: string, type: string) => firstAttempts.findIndex((r) => r.params.ConversationSid === sid && r.params.EventType === type);
    expect(position(fast.sid, 'onConversationAdded')).toBeLessThan(position(slow.sid, 'onConversationUpdated'));
  });

  it('never blocks the action: the REST call returns while the webhook server has not answered', async () => {
    hooks.on('/stuck', () => 'hang');
    await serviceWebhooks().update({ postWebhookUrl: hooks.url('/stuck'), filters: ['onConversationAdded'], method: 'POST' });
    const conversation = await v1().conversations.create({ ...on, friendlyName: 'Fast' });
    expect((await v1().conversations(conversation.sid).fetch()).friendlyName).toBe('Fast');
    const arrived = await hooks.next((r) => r.path === '/stuck');
    expect(arrived.params.ConversationSid).toBe(conversation.sid);
    // The retry after the timeout finds the server answering again, so nothing is left in flight.
    hooks.on('/stuck', () => ({ status: 200 }));
  });
});

/** A conversation-scoped webhook that fails once, then succeeds (for the retry test). */
const c_webhook = async (conversationSid: string) => {
  await v1().conversations(conversationSid).webhooks.create({
    target: 'webhook',
    'configuration.url': hooks.url('/once'),
    'configuration.filters': ['onConversationUpdated'],
  });
  await v1().conversations(conversationSid).update({ ...on, friendlyName: 'poke' });
};

describe('Pre-action webhooks', () => {
  it('rejects the change on a non-2xx answer: the caller gets the error and nothing changes', async () => {
    hooks.on('/pre', (r) => ({ status: String(r.params.Body).includes('spam') ? 403 : 200 }));
    await serviceWebhooks().update({ preWebhookUrl: hooks.url('/pre'), filters: ['onMessageAdd'], method: 'POST' });
    const conversation = await v1().conversations.create({});
    const c = v1().conversations(conversation.sid);
    await c.participants.create({ 'messagingBinding.address': '+15558675350', 'messagingBinding.proxyAddress': number });
    const before = await settledState(emu);
    const refused = await rejection(() => c.messages.create({ ...on, author: 'agent', body: 'buy spam now' }));
    expect(refused).toMatchObject({ status: 403, code: 50550 });
    expect(await settledState(emu)).toBe(before);
    // Without the header a REST change asks no one.
    expect((await c.messages.create({ author: 'agent', body: 'spam, unchecked' })).body).toBe('spam, unchecked');
    // An SMS is asked too; refused, it is not added.
    const sms = await phones.send({ from: '+15558675350', to: number, body: 'more spam' });
    expect(sms.routing).toMatchObject({ outcome: 'rejected', code: 50550 });
    expect((await c.messages.list()).map((m) => m.body)).toEqual(['spam, unchecked']);
    const asked = hooks.at('/pre', 'onMessageAdd');
    expect(asked.map((r) => [r.params.Body, r.params.Source])).toEqual([
      ['buy spam now', 'API'],
      ['more spam', 'SMS'],
    ]);
    expect(asked[0]?.params).toMatchObject({ ConversationSid: conversation.sid, Author: 'agent', Attributes: '{}', ChatServiceSid: emu.serviceSid });
    expect(twilio.validateRequest(emu.credentials.authToken, String(asked[0]?.headers['x-twilio-signature']), hooks.url('/pre'), asked[0]?.params ?? {})).toBe(true);
  });

  it('applies the modifiable fields of a JSON answer, and refuses an invalid one', async () => {
    hooks.on('/modify', (r) => {
      if (r.params.EventType === 'onConversationAdd') return { status: 200, body: JSON.stringify({ friendly_name: 'Named by the hook', state: 'closed' }) };
      if (r.params.Body === 'bad') return { status: 200, body: JSON.stringify({ body: 42 }) };
      return { status: 200, body: JSON.stringify({ body: `[checked] ${String(r.params.Body)}`, author: 'moderator', attributes: { checked: true } }) };
    });
    await serviceWebhooks().update({ preWebhookUrl: hooks.url('/modify'), filters: ['onConversationAdd', 'onMessageAdd'], method: 'POST' });
    const conversation = await v1().conversations.create({ ...on, friendlyName: 'Original' });
    expect(conversation).toMatchObject({ friendlyName: 'Named by the hook', state: 'active' });
    const message = await v1().conversations(conversation.sid).messages.create({ ...on, author: 'agent', body: 'hi' });
    expect(message).toMatchObject({ body: '[checked] hi', author: 'moderator', attributes: '{"checked":true}' });
    expect(await rejection(() => v1().conversations(conversation.sid).messages.create({ ...on, author: 'agent', body: 'bad' }))).toMatchObject({
      status: 400,
      code: 20001,
    });
  });

  it('goes ahead unmodified when the webhook does not answer within the timeout', async () => {
    hooks.on('/slow', () => 'hang');
    await serviceWebhooks().update({ preWebhookUrl: hooks.url('/slow'), filters: ['onConversationAdd'], method: 'POST' });
    const started = Date.now();
    const conversation = await v1().conversations.create({ ...on, friendlyName: 'Patient' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(conversation.friendlyName).toBe('Patient');
  });

  it('asks only onConversationAdd, with the message and number pair, when autocreating; a refusal drops the message', async () => {
    let accept = false;
    hooks.on('/auto', () => ({ status: accept ? 200 : 409 }));
    await serviceWebhooks().update({
      preWebhookUrl: hooks.url('/auto'),
      postWebhookUrl: hooks.url('/after'),
      filters: ['onConversationAdd', 'onParticipantAdd', 'onMessageAdd', 'onConversationAdded', 'onParticipantAdded', 'onMessageAdded'],
      method: 'POST',
    });
    await v1().addressConfigurations.create({ type: 'sms', address: number, 'autoCreation.enabled': true });
    const refused = await phones.send({ from: '+15558675360', to: number, body: 'Hello there' });
    expect(refused.routing).toMatchObject({ outcome: 'rejected', conversation_sid: null });
    expect(await v1().conversations.list()).toEqual([]);

    accept = true;
    const created = await phones.send({ from: '+15558675360', to: number, body: 'Hello again' });
    expect(created.routing.outcome).toBe('autocreated');
    await settle();
    expect(types(hooks.at('/auto'))).toEqual(['onConversationAdd', 'onConversationAdd']);
    expect(hooks.at('/auto')[1]?.params).toMatchObject({
      Source: 'SMS',
      MessageBody: 'Hello again',
      'MessagingBinding.Address': '+15558675360',
      'MessagingBinding.ProxyAddress': number,
      ChatServiceSid: emu.serviceSid,
      State: 'active',
    });
    expect(types(hooks.at('/after'))).toEqual(['onConversationAdded', 'onParticipantAdded', 'onMessageAdded']);
    expect(hooks.at('/after', 'onConversationAdded')[0]?.params).toMatchObject({
      'MessagingBinding.Address': '+15558675360',
      'MessagingBinding.ProxyAddress': number,
    });
  });

  it('reports a timer’s state change as onConversationStateUpdated with Reason TIMER', async () => {
    await serviceWebhooks().update({ postWebhookUrl: hooks.url('/state'), filters: ['onConversationStateUpdated'], method: 'POST' });
    const conversation = await v1().conversations.create({ 'timers.inactive': 'PT1M' });
    await phones.advanceClock('PT2M');
    const fired = await hooks.next((r) => r.path === '/state');
    expect(fired.params).toMatchObject({ ConversationSid: conversation.sid, StateFrom: 'active', StateTo: 'inactive', Reason: 'TIMER' });
  });
});
