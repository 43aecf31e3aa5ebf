import { webhookUrl } from '@/lib/webhooks/webhook-url';

/** Where Twilio reports a broadcast message's delivery (signed like every webhook). */
export function messageStatusUrl(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return `${webhookUrl(env)}/message-status`;
}
