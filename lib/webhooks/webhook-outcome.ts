import { log } from '@/lib/observability/log';
import { metrics } from '@/lib/observability/metrics';

/** The app's webhook routes: Twilio's post-action and pre-action webhooks, and Messaging's status callbacks. */
export type WebhookEndpoint = 'post-action' | 'pre-action' | 'message-status';

export type WebhookOutcome =
  | { outcome: 'accepted' | 'duplicate' | 'ignored' }
  | { outcome: 'rejected'; reason: 'bad_signature' | 'invalid_payload' | 'too_large'; detail?: string }
  | { outcome: 'failed'; reason: 'processing_error' };

type Context = { endpoint?: WebhookEndpoint; eventType?: string; clientIp?: string };

/**
 * Counts every webhook by outcome (Prometheus: switchboard_webhooks_total), and logs each one
 * refused, so forged or broken deliveries leave a trace (they change nothing).
 */
export function recordWebhookOutcome(result: WebhookOutcome, context: Context = {}): void {
  const reason = 'reason' in result ? result.reason : '';
  metrics.webhooks.inc({ outcome: result.outcome, reason });
  if (result.outcome === 'rejected') log.warn('webhook_rejected', { reason, ...('detail' in result && result.detail ? { detail: result.detail } : {}), ...context });
}
