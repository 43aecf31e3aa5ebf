import 'server-only';
import { getTwilioClient } from '@/lib/twilio/rest-client';
import { notFoundFromTwilio } from '@/lib/twilio/twilio-errors';
import type { OperationView } from './configuration-form';

/** The id at the end of an operation's `statusUrl`. */
export const operationIdOf = (statusUrl: string | undefined): string => (statusUrl ?? '').split('/').pop() ?? '';

/** A ControlPlane operation's progress, with the reason when it failed. */
export async function fetchOperation(operationId: string): Promise<OperationView> {
  const operation = await getTwilioClient()
    .conversations.v2.operations(operationId)
    .fetch()
    .catch((error: unknown) => {
      throw notFoundFromTwilio(error, 'No such operation.');
    });
  const status = operation.status === 'COMPLETED' || operation.status === 'FAILED' ? operation.status : 'PENDING';
  const error = operation.error as { detail?: string; title?: string } | null | undefined;
  return {
    operationId,
    status,
    reason: status === 'FAILED' ? (error?.detail ?? error?.title ?? 'Twilio did not say why.') : null,
    configurationId: operation.related?.configurationId ?? null,
  };
}
