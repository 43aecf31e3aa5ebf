import { describe, expect, it } from 'vitest';
import { rejection, setupTestEmulator } from './support/harness';

const { emu, v1 } = setupTestEmulator();
// Synchronous, unlike the shared snapshot(): these checks compare the state around refused calls.
const snapshot = () => JSON.stringify(emu.core.store.state);

describe('Users', () => {
  it('creates, fetches by SID or identity, updates, lists and deletes users', async () => {
    const user = await v1().users.create({ identity: 'u-1', friendlyName: 'Ann Agent', attributes: '{"team":"a"}' });
    expect(user.roleSid).toMatch(/^RL/);
    expect(user.isOnline).toBeNull();
    expect((await v1().users('u-1').fetch()).sid).toBe(user.sid);
    expect((await v1().users(user.sid).update({ friendlyName: 'Ann' })).friendlyName).toBe('Ann');
    expect((await v1().users.list()).map((u) => u.identity)).toContain('u-1');
    expect((await v1().services(emu.serviceSid).users(user.sid).fetch()).identity).toBe('u-1');
    await v1().users(user.sid).remove();
    expect(await rejection(() => v1().users('u-1').fetch())).toMatchObject({ status: 404, code: 20404 });
  });

  it('rejects bad user input and duplicates, changing nothing', async () => {
    await v1().users.create({ identity: 'taken-identity' });
    const state = snapshot();
    expect(await rejection(() => v1().users.create({ identity: 'taken-identity' }))).toMatchObject({ status: 409, code: 50201 });
    expect(await rejection(() => v1().users.create({ identity: 'y', attributes: '{oops' }))).toMatchObject({ status: 400, code: 20001 });
    expect(await rejection(() => v1().users.create({ identity: 'y', friendlyName: 'f'.repeat(257) }))).toMatchObject({ code: 20001 });
    expect(await rejection(() => v1().users.create({ identity: 'y', roleSid: 'RL00000000000000000000000000000000' }))).toMatchObject({
      code: 20001,
    });
    expect(await rejection(() => v1().users('US00000000000000000000000000000000').update({ friendlyName: 'x' }))).toMatchObject({
      status: 404,
    });
    expect(snapshot()).toBe(state);
  });

  it('reports reachability only when the service enables it', async () => {
    await v1().users.create({ identity: 'reach' });
    await v1().services(emu.serviceSid).configuration().update({ reachabilityEnabled: true });
    await emu.core.users.setUserReachability(emu.serviceSid, 'reach', { isOnline: true }, { source: 'sdk', webhookEnabled: false });
    const user = await v1().users('reach').fetch();
    expect(user.isOnline).toBe(true);
    expect(user.isNotifiable).toBe(false);
    await v1().services(emu.serviceSid).configuration().update({ reachabilityEnabled: false });
  });
});

describe('User Conversations', () => {
  it('reports unread count from the read horizon and lets the user mute or leave', async () => {
    const c = await v1().conversations.create({ friendlyName: 'Inbox item', uniqueName: 'uc-conv' });
    const conv = v1().conversations(c.sid);
    await conv.participants.create({ identity: 'reader-u' });
    for (let i = 0; i < 4; i += 1) await conv.messages.create({ body: `m${i}` });

    const before = await v1().users('reader-u').userConversations(c.sid).fetch();
    expect(before).toMatchObject({ unreadMessagesCount: null, lastReadMessageIndex: null, notificationLevel: 'default', friendlyName: 'Inbox item' });

    const read = await v1().users('reader-u').userConversations('uc-conv').update({ lastReadMessageIndex: 1, notificationLevel: 'muted' });
    expect(read).toMatchObject({ unreadMessagesCount: 2, lastReadMessageIndex: 1, notificationLevel: 'muted', conversationState: 'active' });
    const participant = (await conv.participants.list())[0];
    expect(participant?.lastReadMessageIndex).toBe(1);

    const list = await v1().services(emu.serviceSid).users('reader-u').userConversations.list();
    expect(list.map((u) => u.conversationSid)).toEqual([c.sid]);

    expect(await rejection(() => v1().users('reader-u').userConversations(c.sid).update({ notificationLevel: 'loud' as never }))).toMatchObject({
      status: 400,
      code: 20001,
    });

    await v1().users('reader-u').userConversations(c.sid).remove();
    expect(await conv.participants.list()).toEqual([]);
    expect(await rejection(() => v1().users('reader-u').userConversations(c.sid).fetch())).toMatchObject({ status: 404, code: 20404 });
  });
});

describe('Roles and service configuration', () => {
  it('starts each service with default service and conversation roles named by its configuration', async () => {
    const roles = await v1().roles.list();
    expect(roles.map((r) => [r.friendlyName, r.type]).sort()).toEqual([
      ['Conversation Admin', 'conversation'],
      ['Conversation User', 'conversation'],
      ['Service Admin', 'service'],
      ['Service User', 'service'],
    ]);
    const config = await v1().services(emu.serviceSid).configuration().fetch();
    const byName = Object.fromEntries(roles.map((r) => [r.friendlyName, r]));
    expect(config.defaultChatServiceRoleSid).toBe(byName['Service User']?.sid);
    expect(config.defaultConversationRoleSid).toBe(byName['Conversation User']?.sid);
    expect(config.defaultConversationCreatorRoleSid).toBe(byName['Conversation Admin']?.sid);
    expect(byName['Conversation User']?.permissions).toContain('sendMessage');
  });

  it('creates, updates (replacing permissions) and deletes custom roles', async () => {
    const role = await v1().roles.create({ friendlyName: 'Supervisor', type: 'conversation', permission: ['sendMessage', 'removeParticipant'] });
    expect(role.permissions).toEqual(['sendMessage', 'removeParticipant']);
    const updated = await v1().roles(role.sid).update({ permission: ['sendMessage'] });
    expect(updated.permissions).toEqual(['sendMessage']);
    expect((await v1().services(emu.serviceSid).roles(role.sid).fetch()).friendlyName).toBe('Supervisor');
    const c = await v1().conversations.create({});
    const p = await v1().conversations(c.sid).participants.create({ identity: 'sup', roleSid: role.sid });
    expect(p.roleSid).toBe(role.sid);
    await v1().roles(role.sid).remove();
    expect(await rejection(() => v1().roles(role.sid).fetch())).toMatchObject({ status: 404, code: 20404 });
  });

  it('rejects invalid roles and refuses to delete a default role', async () => {
    const state = snapshot();
    expect(await rejection(() => v1().roles.create({ friendlyName: 'X', type: 'service', permission: ['sendMessage'] }))).toMatchObject({
      status: 400,
      code: 20001,
    });
    expect(await rejection(() => v1().roles.create({ friendlyName: 'X', type: 'galaxy' as never, permission: ['sendMessage'] }))).toMatchObject({
      code: 20001,
    });
    const config = await v1().services(emu.serviceSid).configuration().fetch();
    expect(await rejection(() => v1().roles(config.defaultConversationRoleSid).remove())).toMatchObject({ status: 400, code: 50107 });
    expect(
      await rejection(() => v1().services(emu.serviceSid).configuration().update({ defaultChatServiceRoleSid: config.defaultConversationRoleSid })),
    ).toMatchObject({ status: 400, code: 20001 });
    expect(snapshot()).toBe(state);
  });

  it('updates notification and webhook settings of a service', async () => {
    const notifications = await v1()
      .services(emu.serviceSid)
      .configuration
      .notifications()
      .update({ 'newMessage.enabled': true, 'newMessage.template': 'New: ${MESSAGE}', logEnabled: true });
    expect(notifications.newMessage).toMatchObject({ enabled: true, template: 'New: ${MESSAGE}' });
    expect(notifications.logEnabled).toBe(true);
    const webhooks = await v1()
      .services(emu.serviceSid)
      .configuration
      .webhooks()
      .update({ postWebhookUrl: 'https://example.com/post', filters: ['onMessageAdded', 'onConversationAdded'], method: 'POST' });
    expect(webhooks).toMatchObject({ postWebhookUrl: 'https://example.com/post', filters: ['onMessageAdded', 'onConversationAdded'], method: 'POST' });
    expect(
      await rejection(() => v1().services(emu.serviceSid).configuration.webhooks().update({ filters: ['onSomethingOdd'] })),
    ).toMatchObject({ status: 400, code: 20001 });
    expect(await rejection(() => v1().services(emu.serviceSid).configuration.webhooks().update({ preWebhookUrl: 'not a url' }))).toMatchObject({
      code: 20001,
    });
  });
});
