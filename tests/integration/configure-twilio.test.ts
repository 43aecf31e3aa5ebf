import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'conversations-emulator';
import { configureTwilio, WEBHOOK_FILTERS } from '@/lib/twilio/configure-twilio';
import { conversationService } from '@/lib/twilio/conversation-service';
import { getTwilioClient } from '@/lib/twilio/rest-client';
import { startTestEmulator } from '../support/test-emulator';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => emulator.close());

const URL = 'https://switchboard.example.com/api/webhooks/twilio';

describe('configuring Twilio for the app', () => {
  it('sets the webhooks and auto-creation once, then finds nothing to change', async () => {
    const numbers = [...emulator.numbers];
    const first = await configureTwilio({ webhookUrl: URL, numbers });
    expect(first).toHaveLength(1 + numbers.length);

    const webhooks = await (await conversationService()).configuration.webhooks().fetch();
    expect(webhooks).toMatchObject({ postWebhookUrl: URL, method: 'POST' });
    expect([...webhooks.filters].sort()).toEqual([...WEBHOOK_FILTERS].sort());
    const addresses = await getTwilioClient().conversations.v1.addressConfigurations.list();
    expect(addresses.map((a) => [a.address, a.type, (a.autoCreation as { enabled: boolean }).enabled]).sort()).toEqual(
      numbers.map((n) => [n, n.startsWith('whatsapp:') ? 'whatsapp' : 'sms', true]).sort(),
    );

    expect(await configureTwilio({ webhookUrl: URL, numbers })).toEqual([]);
  });

  it('repairs only what drifted', async () => {
    const [number] = emulator.numbers;
    const configured = (await getTwilioClient().conversations.v1.addressConfigurations.list()).find((a) => a.address === number)!;
    await getTwilioClient().conversations.v1.addressConfigurations(configured.sid).update({ 'autoCreation.enabled': false });
    const changes = await configureTwilio({ webhookUrl: URL, numbers: [...emulator.numbers] });
    expect(changes).toEqual([expect.stringContaining(`${number}: auto-creation turned on`)]);
  });
});
