import 'server-only';
import { getConversationServiceSid } from '@/lib/twilio/conversation-service';
import { getTwilioClient } from '@/lib/twilio/rest-client';
import { notFoundFromTwilio } from '@/lib/twilio/twilio-errors';
import { toConfigurationBody } from './configuration-body';
import type { TConfigurationForm } from './configuration-form';
import { operationIdOf } from './fetch-operation';
import { twilioRefusal } from './twilio-refusal';

/**
 * Creates a configuration (or replaces one) through Twilio's ControlPlane: it answers with an
 * operation at once and applies the change a moment later. The form's idempotency key travels as
 * Twilio's `Idempotency-Key`, so the same submission twice is one change.
 */
export async function saveConfiguration({ form, configurationId }: { form: TConfigurationForm; configurationId?: string }): Promise<{ operationId: string }> {
  const body = toConfigurationBody(form, await getConversationServiceSid());
  const headers = { 'Idempotency-Key': form.idempotencyKey };
  const configurations = getTwilioClient().conversations.v2.configurations;
  try {
    // The helper types memoryStoreId as required; Twilio needs it only to group by profile.
    const accepted = configurationId
      ? await configurations(configurationId).update(body as never, headers)
      : await configurations.create(body as never, headers);
    return { operationId: operationIdOf(accepted.statusUrl) };
  } catch (error) {
    throw twilioRefusal(notFoundFromTwilio(error, 'That configuration no longer exists.'));
  }
}

export async function deleteConfiguration({ configurationId, idempotencyKey }: { configurationId: string; idempotencyKey: string }): Promise<{ operationId: string }> {
  try {
    const accepted = await getTwilioClient().conversations.v2.configurations(configurationId).remove({ idempotencyKey });
    return { operationId: operationIdOf(accepted.statusUrl) };
  } catch (error) {
    throw twilioRefusal(notFoundFromTwilio(error, 'That configuration no longer exists.'));
  }
}
