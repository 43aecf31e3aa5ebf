import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'conversations-emulator';
import { configureTwilio, WEBHOOK_FILTERS } from '@/lib/twilio/configure-twilio';
import { conversationService } from '@/lib/twilio/conversation-service';
import { getTwilioClient } from '@/lib/twilio/rest-client';
import { SWITCHBOARD_ROLES } from '@/lib/twilio/switchboard-roles';
import { startTestEmulator } from '../support/test-emulator';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => emulator.close());

const URLS = { webhookUrl: 'https://switchboard.example.com/api/webhooks/twilio', preActionWebhookUrl: 'https://switchboard.example.com/api/webhooks/twilio/pre-action' };

describe('configuring Twilio for the app', () => {
  it('sets the roles, webhooks and auto-creation once, then finds nothing to change', async () => {
    const numbers = [...emulator.numbers];
    const first = await configureTwilio({ ...URLS, numbers });
    // Three roles, the service's default roles, the webhooks, and one per number.
    expect(first).toHaveLength(3 + 1 + 1 + numbers.length);

    const service = await conversationService();
    const roles = await service.roles.list();
    for (const spec of Object.values(SWITCHBOARD_ROLES)) {
      const role = roles.find((r) => r.friendlyName === spec.friendlyName);
      expect(role).toMatchObject({ type: spec.type });
      expect([...role!.permissions].sort()).toEqual([...spec.permissions].sort());
    }
    const byName = (name: string) => roles.find((r) => r.friendlyName === name)!.sid;
    expect(await service.configuration().fetch()).toMatchObject({
      defaultChatServiceRoleSid: byName('Switchboard Staff'),
      defaultConversationRoleSid: byName('Switchboard Owner'),
      defaultConversationCreatorRoleSid: byName('Switchboard Owner'),
    });
    // Nobody in Switchboard's roles may join, create, or add people on their own.
    for (const spec of Object.values(SWITCHBOARD_ROLES)) {
      expect(spec.permissions).not.toContain('joinConversation');
      expect(spec.permissions).not.toContain('createConversation');
      expect(spec.permissions).not.toContain('addParticipant');
    }
    expect(SWITCHBOARD_ROLES.disabled.permissions.some((p) => p.startsWith('send') || p.startsWith('delete') || p.endsWith('UserInfo'))).toBe(false);

    const webhooks = await service.configuration.webhooks().fetch();
    expect(webhooks).toMatchObject({ postWebhookUrl: URLS.webhookUrl, preWebhookUrl: URLS.preActionWebhookUrl, method: 'POST' });
    expect([...webhooks.filters].sort()).toEqual([...WEBHOOK_FILTERS].sort());
    expect(webhooks.filters).toEqual(expect.arrayContaining(['onMessageAdd', 'onParticipantAdd', 'onMessageAdded']));
    const addresses = await getTwilioClient().conversations.v1.addressConfigurations.list();
    expect(addresses.map((a) => [a.address, a.type, (a.autoCreation as { enabled: boolean }).enabled]).sort()).toEqual(
      numbers.map((n) => [n, n.startsWith('whatsapp:') ? 'whatsapp' : 'sms', true]).sort(),
    );

    expect(await configureTwilio({ ...URLS, numbers })).toEqual([]);
  });

  it('repairs only what drifted', async () => {
    const [number] = emulator.numbers;
    const configured = (await getTwilioClient().conversations.v1.addressConfigurations.list()).find((a) => a.address === number)!;
    await getTwilioClient().conversations.v1.addressConfigurations(configured.sid).update({ 'autoCreation.enabled': false });
    const service = await conversationService();
    const owner = (await service.roles.list()).find((r) => r.friendlyName === 'Switchboard Owner')!;
    await service.roles(owner.sid).update({ permission: [...SWITCHBOARD_ROLES.owner.permissions, 'addParticipant'] });

    const changes = await configureTwilio({ ...URLS, numbers: [...emulator.numbers] });
    expect(changes).toEqual([expect.stringContaining('“Switchboard Owner” permissions set'), expect.stringContaining(`${number}: auto-creation turned on`)]);
    expect((await service.roles(owner.sid).fetch()).permissions).not.toContain('addParticipant');
  });

  it('two app instances starting at once both configure it, each number once', async () => {
    const addresses = getTwilioClient().conversations.v1.addressConfigurations;
    for (const configured of await addresses.list()) await addresses(configured.sid).remove();

    const numbers = [...emulator.numbers];
    await Promise.all([configureTwilio({ ...URLS, numbers }), configureTwilio({ ...URLS, numbers })]);
    expect((await addresses.list()).map((a) => a.address).sort()).toEqual([...numbers].sort());
  });
});
