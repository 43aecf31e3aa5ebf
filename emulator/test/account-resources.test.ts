import { describe, expect, it } from 'vitest';
import { rejection, setupTestEmulator } from './support/harness';

const { emu, snapshot, v1 } = setupTestEmulator();
const api = { source: 'api', webhookEnabled: false } as const;

describe('Services and account configuration', () => {
  it('names the default service in /v1/Configuration, whose short paths follow it', async () => {
    const config = await v1().configuration().fetch();
    const original = emu.serviceSid;
    expect(config.defaultChatServiceSid).toBe(original);
    expect(config.defaultMessagingServiceSid).toMatch(/^MG/);
    const other = await v1().services.create({ friendlyName: 'Second service' });
    const inOther = await v1().services(other.sid).conversations.create({ friendlyName: 'lives in second' });
    await v1().configuration().update({ defaultChatServiceSid: other.sid });
    expect((await v1().conversations(inOther.sid).fetch()).friendlyName).toBe('lives in second');
    expect(emu.serviceSid).toBe(other.sid);
    await v1().configuration().update({ defaultChatServiceSid: original });
    expect(await rejection(() => v1().conversations(inOther.sid).fetch())).toMatchObject({ status: 404 });
  });

  it('applies default timers to new conversations', async () => {
    await v1().configuration().update({ defaultInactiveTimer: 'PT1H', defaultClosedTimer: 'P1D' });
    const c = await v1().conversations.create({});
    expect(Object.keys(c.timers as object).sort()).toEqual(['date_closed', 'date_inactive']);
    await v1().configuration().update({ defaultInactiveTimer: 'PT0S', defaultClosedTimer: 'PT0S' });
    expect((await v1().conversations.create({})).timers).toEqual({});
    expect(await rejection(() => v1().configuration().update({ defaultChatServiceSid: 'IS00000000000000000000000000000000' }))).toMatchObject({
      status: 400,
      code: 20001,
    });
  });

  it('creates, lists, fetches and deletes services; deleting one removes everything in it', async () => {
    const service = await v1().services.create({ friendlyName: 'Disposable' });
    expect((await v1().services(service.sid).fetch()).friendlyName).toBe('Disposable');
    expect((await v1().services.list()).map((s) => s.sid)).toContain(service.sid);
    const c = await v1().services(service.sid).conversations.create({});
    await v1().services(service.sid).conversations(c.sid).participants.create({ identity: 'temp' });
    await v1().services(service.sid).remove();
    expect(await rejection(() => v1().services(service.sid).fetch())).toMatchObject({ status: 404, code: 20404 });
    const s = emu.core.store.state;
    expect([...Object.values(s.conversations), ...Object.values(s.users), ...Object.values(s.roles)].filter((r) => r.serviceSid === service.sid)).toEqual([]);
    expect(await rejection(() => v1().services(emu.serviceSid).remove())).toMatchObject({ status: 400, code: 50006 });
    // The helper refuses to send a create without FriendlyName, so ask over plain HTTP.
    const { accountSid, authToken } = emu.credentials;
    const raw = await fetch(`${emu.url}/v1/Services`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toEqual({
      code: 20001,
      message: 'Missing required parameter FriendlyName in the post body',
      more_info: 'https://www.twilio.com/docs/errors/20001',
      status: 400,
    });
  });

  it('stores the account-level webhook configuration', async () => {
    const updated = await v1().configuration.webhooks().update({
      preWebhookUrl: 'https://example.com/pre',
      postWebhookUrl: 'https://example.com/post',
      filters: ['onMessageAdd', 'onMessageAdded'],
      method: 'POST',
      target: 'webhook',
    });
    expect(updated).toMatchObject({ preWebhookUrl: 'https://example.com/pre', filters: ['onMessageAdd', 'onMessageAdded'], target: 'webhook' });
    expect((await v1().configuration.webhooks().fetch()).postWebhookUrl).toBe('https://example.com/post');
    expect(await rejection(() => v1().configuration.webhooks().update({ target: 'pager' as never }))).toMatchObject({ code: 20001 });
  });
});

describe('Address configurations', () => {
  it('creates, filters, updates and deletes per-address autocreation settings', async () => {
    const address = await v1().addressConfigurations.create({
      type: 'sms',
      address: emu.numbers[0] ?? '',
      friendlyName: 'Main line',
      'autoCreation.enabled': true,
      'autoCreation.type': 'webhook',
      'autoCreation.conversationServiceSid': emu.serviceSid,
      'autoCreation.webhookUrl': 'https://example.com/autocreate',
      'autoCreation.webhookFilters': ['onParticipantAdded', 'onMessageAdded'],
    });
    expect(address.sid).toMatch(/^IG/);
    expect(address.autoCreation).toMatchObject({ enabled: true, type: 'webhook', webhook_filters: ['onParticipantAdded', 'onMessageAdded'] });
    await v1().addressConfigurations.create({ type: 'whatsapp', address: 'whatsapp:+14155238886' });
    expect((await v1().addressConfigurations.list({ type: 'sms' })).map((a) => a.sid)).toEqual([address.sid]);
    const updated = await v1().addressConfigurations(address.sid).update({ 'autoCreation.enabled': false, friendlyName: 'Renamed' });
    expect(updated).toMatchObject({ friendlyName: 'Renamed' });
    expect((updated.autoCreation as { enabled: boolean }).enabled).toBe(false);
    const state = await snapshot();
    expect(await rejection(() => v1().addressConfigurations.create({ type: 'sms', address: emu.numbers[0] ?? '' }))).toMatchObject({
      status: 409,
    });
    expect(await rejection(() => v1().addressConfigurations.create({ type: 'sms', address: 'not-a-number' }))).toMatchObject({ code: 20001 });
    expect(await rejection(() => v1().addressConfigurations.create({ type: 'fax' as never, address: '+15550000000' }))).toMatchObject({
      code: 20001,
    });
    expect(await snapshot()).toBe(state);
    await v1().addressConfigurations(address.sid).remove();
    expect(await rejection(() => v1().addressConfigurations(address.sid).fetch())).toMatchObject({ status: 404, code: 20404 });
  });
});

describe('Credentials and bindings', () => {
  it('manages push credentials without ever returning their secrets', async () => {
    const credential = await v1().credentials.create({ type: 'fcm', friendlyName: 'Android', secret: 'server-key' });
    expect(credential).toMatchObject({ type: 'fcm', friendlyName: 'Android', sandbox: null });
    expect(JSON.stringify(credential.toJSON())).not.toContain('server-key');
    const updated = await v1().credentials(credential.sid).update({ friendlyName: 'Android app', sandbox: true });
    expect(updated).toMatchObject({ friendlyName: 'Android app', sandbox: 'True' });
    expect((await v1().credentials.list()).map((c) => c.sid)).toContain(credential.sid);
    expect(await rejection(() => v1().credentials.create({ type: 'pager' as never }))).toMatchObject({ status: 400, code: 20001 });
    await v1().credentials(credential.sid).remove();
    expect(await rejection(() => v1().credentials(credential.sid).fetch())).toMatchObject({ status: 404 });
  });

  it('lists, filters, fetches and deletes push bindings registered by the SDK', async () => {
    const credential = await v1().credentials.create({ type: 'apn' });
    const binding = await emu.core.credentials.registerBinding(
      emu.serviceSid,
      { identity: 'mobile-user', endpoint: 'device-1', bindingType: 'apn', credentialSid: credential.sid, messageTypes: ['new_message'] },
      api,
    );
    await emu.core.credentials.registerBinding(
      emu.serviceSid,
      { identity: 'web-user', endpoint: 'tab-1', bindingType: 'twilsock', credentialSid: null, messageTypes: [] },
      api,
    );
    const bindings = v1().services(emu.serviceSid).bindings;
    expect((await bindings.list()).length).toBe(2);
    expect((await bindings.list({ identity: ['mobile-user'] })).map((b) => b.sid)).toEqual([binding.sid]);
    expect((await bindings.list({ bindingType: ['twilsock'] })).map((b) => b.identity)).toEqual(['web-user']);
    expect((await bindings(binding.sid).fetch()).messageTypes).toEqual(['new_message']);
    await bindings(binding.sid).remove();
    expect(await rejection(() => bindings(binding.sid).fetch())).toMatchObject({ status: 404, code: 20404 });
  });
});

describe('Conversation-scoped webhooks', () => {
  it('creates webhook, trigger and studio targets and updates and deletes them', async () => {
    const c = await v1().conversations.create({});
    const hooks = v1().conversations(c.sid).webhooks;
    const hook = await hooks.create({
      target: 'webhook',
      'configuration.url': 'https://example.com/conv',
      'configuration.method': 'get',
      'configuration.filters': ['onMessageAdded'],
    });
    expect(hook.configuration).toEqual({ url: 'https://example.com/conv', method: 'get', filters: ['onMessageAdded'] });
    const studio = await hooks.create({ target: 'studio', 'configuration.flowSid': 'FW0123456789abcdef0123456789abcdef' });
    expect(studio.configuration).toEqual({ flow_sid: 'FW0123456789abcdef0123456789abcdef' });
    await hooks.create({ target: 'trigger', 'configuration.url': 'https://example.com/t', 'configuration.triggers': ['help'] });
    const updated = await hooks(hook.sid).update({ 'configuration.url': 'https://example.com/changed' });
    expect((updated.configuration as { url: string }).url).toBe('https://example.com/changed');
    expect((await v1().services(emu.serviceSid).conversations(c.sid).webhooks.list()).length).toBe(3);
    const state = await snapshot();
    expect(await rejection(() => hooks.create({ target: 'webhook' }))).toMatchObject({ status: 400, code: 20001 });
    expect(await rejection(() => hooks.create({ target: 'studio' }))).toMatchObject({ code: 20001 });
    expect(await rejection(() => hooks.create({ target: 'trigger', 'configuration.url': 'https://example.com' }))).toMatchObject({ code: 20001 });
    expect(
      await rejection(() => hooks.create({ target: 'webhook', 'configuration.url': 'https://x.com', 'configuration.filters': ['onNope'] })),
    ).toMatchObject({ code: 20001 });
    expect(await snapshot()).toBe(state);
    await hooks(hook.sid).remove();
    expect(await rejection(() => hooks(hook.sid).fetch())).toMatchObject({ status: 404, code: 20404 });
  });
});
