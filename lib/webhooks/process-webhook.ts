import { recordDeadLetter, resolveDeadLetter } from '@/lib/attention/record-dead-letter';
import { pruneStaleRowsOccasionally } from '@/lib/maintenance/prune-stale-rows';
import { log } from '@/lib/observability/log';
import { handleWebhookEvent, isIdempotentEvent, type Defer } from './handle-webhook-event';
import { claimWebhook, releaseWebhook } from './idempotency';
import { isValidTwilioSignature, parseFormParams, type WebhookParams } from './verify-signature';
import { parseWebhookEvent } from './webhook-events';
import { recordWebhookOutcome } from './webhook-outcome';
import { webhookUrl } from './webhook-url';

type Input = { body: string; signature: string | null; idempotencyToken: string | null; authToken: string; defer: Defer; url?: string; clientIp?: string };
type Result = { status: 200 } | { status: 400 | 403 | 500; error: { code: string; message: string } };

const first = (params: WebhookParams, key: string): string | null => {
  const value = params[key];
  return (Array.isArray(value) ? value[0] : value) ?? null;
};

/**
 * One webhook request: only a valid Twilio signature gets in (anything else: 403, nothing
 * recorded); a retry with a known idempotency token is acknowledged without processing it
 * again (an isIdempotentEvent is simply handled again); a processing failure answers 500 so that
 * Twilio retries. What cannot be processed — a malformed event, or a failure — is recorded as a
 * dead letter with its reason; a later retry that succeeds resolves it.
 */
export async function processWebhook({ body, signature, idempotencyToken, authToken, defer, url = webhookUrl(), clientIp }: Input): Promise<Result> {
  const params = parseFormParams(body);
  const eventType = first(params, 'EventType') ?? undefined;
  if (!isValidTwilioSignature({ authToken, signature, url, params })) {
    recordWebhookOutcome({ outcome: 'rejected', reason: 'bad_signature', detail: signature ? 'invalid' : 'missing' }, { endpoint: 'post-action', eventType, clientIp });
    return { status: 403, error: { code: 'forbidden', message: 'The X-Twilio-Signature is missing or invalid.' } };
  }
  const deadLetter = (reason: string) =>
    recordDeadLetter({
      source: 'webhook',
      eventType: eventType ?? null,
      conversationSid: first(params, 'ConversationSid'),
      reference: idempotencyToken,
      reason,
      payload: body,
    });
  const parsed = parseWebhookEvent(params);
  if (parsed.kind === 'ignored') {
    recordWebhookOutcome({ outcome: 'ignored' });
    return { status: 200 };
  }
  if (parsed.kind === 'invalid') {
    recordWebhookOutcome({ outcome: 'rejected', reason: 'invalid_payload', detail: parsed.message }, { endpoint: 'post-action', eventType, clientIp });
    await deadLetter(`Malformed event: ${parsed.message}`);
    return { status: 400, error: { code: 'bad_request', message: parsed.message } };
  }
  const { type } = parsed.event;
  try {
    if (idempotencyToken && !isIdempotentEvent(parsed.event) && !(await claimWebhook(idempotencyToken, type))) {
      recordWebhookOutcome({ outcome: 'duplicate' });
      return { status: 200 };
    }
    pruneStaleRowsOccasionally();
    await handleWebhookEvent(parsed.event, defer);
  } catch (error) {
    log.error('webhook.failed', { eventType: type, idempotencyToken, error });
    recordWebhookOutcome({ outcome: 'failed', reason: 'processing_error' });
    if (idempotencyToken) await releaseWebhook(idempotencyToken).catch(() => undefined);
    await deadLetter(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    return { status: 500, error: { code: 'internal_error', message: 'The event could not be processed.' } };
  }
  recordWebhookOutcome({ outcome: 'accepted' });
  // Only a retry can have a dead letter to resolve: first attempts skip the write.
  if (idempotencyToken && Number(first(params, 'RetryCount') ?? '0') > 0) await resolveDeadLetter(idempotencyToken).catch(() => undefined);
  return { status: 200 };
}
