import { AppError } from '@/lib/api/app-error';
import { BODY_LIMITS, readLimitedBody } from '@/lib/http/read-limited-body';
import { recordWebhookOutcome, type WebhookEndpoint } from './webhook-outcome';

/**
 * A Twilio webhook's form body, read within BODY_LIMITS.webhook before its signature can be
 * checked (anyone can post to these routes). One too large is refused unread (413), counted and
 * logged like any rejected webhook.
 */
export async function readWebhookBody(req: Request, context: { endpoint: WebhookEndpoint; clientIp?: string }): Promise<string> {
  try {
    return (await readLimitedBody(req, BODY_LIMITS.webhook)).toString('utf8');
  } catch (error) {
    if (error instanceof AppError && error.code === 'payload_too_large') recordWebhookOutcome({ outcome: 'rejected', reason: 'too_large' }, context);
    throw error;
  }
}
