import { channelOfAddress } from '@/lib/conversations/phone-address';
import { PRE_ACTION_EVENT_TYPES } from '@/lib/webhooks/pre-action-events';
import { HANDLED_EVENT_TYPES } from '@/lib/webhooks/webhook-events';
import { getTwilioClient } from './rest-client';
import { conversationService, getConversationServiceSid } from './conversation-service';
import { ensureSwitchboardRoles } from './switchboard-roles';
import { twilioErrorOf } from './twilio-errors';

const CONFLICT = 409;

/** The events Twilio sends the app: the post-action events it handles and the pre-action ones it vets. */
export const WEBHOOK_FILTERS = [...HANDLED_EVENT_TYPES, ...PRE_ACTION_EVENT_TYPES];

type Options = { webhookUrl: string; preActionWebhookUrl: string; numbers: string[] };

/**
 * Points Twilio (or the emulator) at this app: Switchboard's roles exist and are the service's
 * defaults, the service's pre- and post-action webhooks go to the app, and a customer texting any
 * of `numbers` starts a conversation in the service. Idempotent: reads the current settings and
 * changes only what differs; returns what it changed.
 */
export async function configureTwilio({ webhookUrl, preActionWebhookUrl, numbers }: Options): Promise<string[]> {
  const serviceSid = await getConversationServiceSid();
  const service = await conversationService();
  const { sids: roles, changes } = await ensureSwitchboardRoles();

  // Anyone the server (or anything else) adds without naming a role gets no more than an owner's
  // rights; a Twilio User created without one (an SDK connecting) gets staff's.
  const defaults = { defaultChatServiceRoleSid: roles.staff, defaultConversationRoleSid: roles.owner, defaultConversationCreatorRoleSid: roles.owner };
  const configuration = await service.configuration().fetch();
  if (Object.entries(defaults).some(([key, sid]) => configuration[key as keyof typeof defaults] !== sid)) {
    await service.configuration().update(defaults);
    changes.push(`service ${serviceSid}: default roles → Switchboard Staff (users), Switchboard Owner (participants)`);
  }

  const webhooks = service.configuration.webhooks();
  const current = await webhooks.fetch();
  const filters = [...WEBHOOK_FILTERS];
  const sameFilters = [...(current.filters ?? [])].sort().join() === [...filters].sort().join();
  if (current.postWebhookUrl !== webhookUrl || current.preWebhookUrl !== preActionWebhookUrl || current.method?.toUpperCase() !== 'POST' || !sameFilters) {
    await webhooks.update({ postWebhookUrl: webhookUrl, preWebhookUrl: preActionWebhookUrl, method: 'POST', filters });
    changes.push(`service ${serviceSid}: webhooks → ${webhookUrl} (post-action), ${preActionWebhookUrl} (pre-action), ${filters.length} events`);
  }

  const addresses = getTwilioClient().conversations.v1.addressConfigurations;
  const existing = await addresses.list({ limit: 1000 });
  for (const address of numbers) {
    const configured = existing.find((candidate) => candidate.address === address);
    const wanted = { 'autoCreation.enabled': true, 'autoCreation.type': 'default' as const, 'autoCreation.conversationServiceSid': serviceSid };
    const autoCreation = configured?.autoCreation as { enabled?: boolean; type?: string; conversation_service_sid?: string } | undefined;
    if (!configured) {
      try {
        await addresses.create({ type: channelOfAddress(address), address, friendlyName: 'Switchboard', ...wanted });
        changes.push(`${address}: new conversations are created when customers write`);
      } catch (error) {
        // Another app instance starting at the same moment configured it first, the same way.
        if (twilioErrorOf(error).status !== CONFLICT) throw error;
      }
    } else if (!autoCreation?.enabled || autoCreation.type !== 'default' || autoCreation.conversation_service_sid !== serviceSid) {
      await addresses(configured.sid).update(wanted);
      changes.push(`${address}: auto-creation turned on in service ${serviceSid}`);
    }
  }
  return changes;
}
