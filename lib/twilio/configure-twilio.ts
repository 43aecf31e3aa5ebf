import { channelOfAddress } from '@/lib/conversations/phone-address';
import { HANDLED_EVENT_TYPES } from '@/lib/webhooks/webhook-events';
import { getTwilioClient } from './rest-client';
import { conversationService, getConversationServiceSid } from './conversation-service';

/** The post-action events Twilio sends the app: exactly those it handles. */
export const WEBHOOK_FILTERS = HANDLED_EVENT_TYPES;

/**
 * Points Twilio (or the emulator) at this app: the service's post-action webhooks go to
 * `webhookUrl`, and a customer texting any of `numbers` starts a conversation in the service.
 * Idempotent: reads the current settings and changes only what differs; returns what it changed.
 */
export async function configureTwilio({ webhookUrl, numbers }: { webhookUrl: string; numbers: string[] }): Promise<string[]> {
  const changes: string[] = [];
  const serviceSid = await getConversationServiceSid();
  const webhooks = (await conversationService()).configuration.webhooks();
  const current = await webhooks.fetch();
  const filters = [...WEBHOOK_FILTERS];
  const sameFilters = [...(current.filters ?? [])].sort().join() === [...filters].sort().join();
  if (current.postWebhookUrl !== webhookUrl || current.method?.toUpperCase() !== 'POST' || !sameFilters) {
    await webhooks.update({ postWebhookUrl: webhookUrl, method: 'POST', filters });
    changes.push(`service ${serviceSid}: post-action webhooks → ${webhookUrl} (${filters.length} events)`);
  }

  const addresses = getTwilioClient().conversations.v1.addressConfigurations;
  const existing = await addresses.list({ limit: 1000 });
  for (const address of numbers) {
    const configured = existing.find((candidate) => candidate.address === address);
    const wanted = { 'autoCreation.enabled': true, 'autoCreation.type': 'default' as const, 'autoCreation.conversationServiceSid': serviceSid };
    const autoCreation = configured?.autoCreation as { enabled?: boolean; type?: string; conversation_service_sid?: string } | undefined;
    if (!configured) {
      await addresses.create({ type: channelOfAddress(address), address, friendlyName: 'Switchboard', ...wanted });
      changes.push(`${address}: new conversations are created when customers write`);
    } else if (!autoCreation?.enabled || autoCreation.type !== 'default' || autoCreation.conversation_service_sid !== serviceSid) {
      await addresses(configured.sid).update(wanted);
      changes.push(`${address}: auto-creation turned on in service ${serviceSid}`);
    }
  }
  return changes;
}
