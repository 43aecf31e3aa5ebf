import 'server-only';
import { getTwilioClient } from '@/lib/twilio/rest-client';
import { type TwilioConfiguration, toConfigurationView } from './configuration-body';
import type { ConfigurationView } from './configuration-form';

/** Every Conversation Orchestrator configuration of the account, oldest first (the one that captures first). */
export async function listConfigurations(): Promise<ConfigurationView[]> {
  const configurations = await getTwilioClient().conversations.v2.configurations.list({ pageSize: 100 });
  return configurations.map((c) => toConfigurationView(c as TwilioConfiguration));
}
