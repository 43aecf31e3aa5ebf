import { db } from '@/lib/db/client';
import { log } from '@/lib/observability/log';
import { metrics } from '@/lib/observability/metrics';
import { decidePreAction } from './decide-pre-action';
import { parsePreActionEvent } from './pre-action-events';
import { isValidTwilioSignature, parseFormParams } from './verify-signature';
import { recordWebhookOutcome } from './webhook-outcome';
import { preActionWebhookUrl } from './webhook-url';

type Input = { body: string; signature: string | null; authToken: string; url?: string; clientIp?: string };
type Result = { status: 200 } | { status: 400 | 403 | 503; error: { code: string; message: string } };

/**
 * One pre-action webhook: Twilio publishes the change on a 2xx and refuses it on anything else,
 * so an SDK write we cannot vet (the database is unreachable) is refused too — it fails closed.
 * Only a valid Twilio signature is answered; a forged or malformed request is counted and
 * logged. It sits on every send: two indexed reads at most, none for what does not come from an
 * SDK.
 */
export async function processPreAction({ body, signature, authToken, url = preActionWebhookUrl(), clientIp }: Input): Promise<Result> {
  const params = parseFormParams(body);
  const rejection = { endpoint: 'pre-action', eventType: [params.EventType].flat()[0], clientIp } as const;
  if (!isValidTwilioSignature({ authToken, signature, url, params })) {
    recordWebhookOutcome({ outcome: 'rejected', reason: 'bad_signature', detail: signature ? 'invalid' : 'missing' }, rejection);
    return { status: 403, error: { code: 'forbidden', message: 'The X-Twilio-Signature is missing or invalid.' } };
  }
  const parsed = parsePreActionEvent(params);
  if (parsed.kind === 'ignored') return { status: 200 };
  if (parsed.kind === 'invalid') {
    recordWebhookOutcome({ outcome: 'rejected', reason: 'invalid_payload', detail: parsed.message }, rejection);
    return { status: 400, error: { code: 'bad_request', message: parsed.message } };
  }
  const { event } = parsed;
  if (!event.isFromSdk) return { status: 200 };
  let decision;
  try {
    const [actor, indexed] = await Promise.all([
      event.clientIdentity ? db.user.findUnique({ where: { id: event.clientIdentity }, select: { id: true, role: true, active: true } }) : null,
      db.conversationIndex.findUnique({ where: { sid: event.conversationSid }, select: { assigneeId: true, queuedAt: true } }),
    ]);
    decision = decidePreAction(event, actor, indexed);
  } catch (error) {
    log.error('pre_action.unavailable', { eventType: event.type, conversationSid: event.conversationSid, error });
    metrics.webhooks.inc({ outcome: 'failed', reason: event.type });
    return { status: 503, error: { code: 'unavailable', message: 'The change could not be checked; it is refused.' } };
  }
  if (decision.allowed) {
    metrics.webhooks.inc({ outcome: 'accepted', reason: event.type });
    return { status: 200 };
  }
  log.warn('pre_action.refused', { eventType: event.type, conversationSid: event.conversationSid, identity: event.clientIdentity, reason: decision.reason });
  metrics.webhooks.inc({ outcome: 'refused', reason: decision.reason });
  return { status: 403, error: { code: 'forbidden', message: decision.message } };
}
