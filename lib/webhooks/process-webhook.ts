import { pruneStaleRowsOccasionally } from '@/lib/maintenance/prune-stale-rows';
import { handleWebhookEvent, type Defer } from './handle-webhook-event';
import { claimWebhook, releaseWebhook } from './idempotency';
import { isValidTwilioSignature, parseFormParams } from './verify-signature';
import { parseWebhookEvent } from './webhook-events';
import { recordWebhookOutcome } from './webhook-outcome';
import { webhookUrl } from './webhook-url';

type Input = { body: string; signature: string | null; idempotencyToken: string | null; authToken: string; defer: Defer; url?: string; clientIp?: string };
type Result = { status: 200 } | { status: 400 | 403 | 500; error: { code: string; message: string } };

/**
 * One webhook request: only a valid Twilio signature gets in (anything else: 403, nothing
 * recorded); a retry with a known idempotency token is acknowledged without processing it
 * again; a processing failure answers 500 so that Twilio retries.
 */
export async function processWebhook({ body, signature, idempotencyToken, authToken, defer, url = webhookUrl(), clientIp }: Input): Promise<Result> {
  const params = parseFormParams(body);
  const eventType = typeof params.EventType === 'string' ? params.EventType : undefined;
  if (!isValidTwilioSignature({ authToken, signature, url, params })) {
    recordWebhookOutcome({ outcome: 'rejected', reason: 'bad_signature', detail: signature ? 'invalid' : 'missing' }, { eventType, clientIp });
    return { status: 403, error: { code: 'forbidden', message: 'The X-Twilio-Signature is missing or invalid.' } };
  }
  const parsed = parseWebhookEvent(params);
  if (parsed.kind === 'ignored') {
    recordWebhookOutcome({ outcome: 'ignored' });
    return { status: 200 };
  }
  if (parsed.kind === 'invalid') {
    recordWebhookOutcome({ outcome: 'rejected', reason: 'invalid_payload', detail: parsed.message }, { eventType, clientIp });
    return { status: 400, error: { code: 'bad_request', message: parsed.message } };
  }
  if (idempotencyToken && !(await claimWebhook(idempotencyToken, parsed.event.type))) {
    recordWebhookOutcome({ outcome: 'duplicate' });
    return { status: 200 };
  }
  pruneStaleRowsOccasionally();
  try {
    await handleWebhookEvent(parsed.event, defer);
    recordWebhookOutcome({ outcome: 'accepted' });
    return { status: 200 };
  } catch (error) {
    console.error(`Webhook ${parsed.event.type} failed`, error);
    recordWebhookOutcome({ outcome: 'failed', reason: 'processing_error' });
    if (idempotencyToken) await releaseWebhook(idempotencyToken);
    return { status: 500, error: { code: 'internal_error', message: 'The event could not be processed.' } };
  }
}
