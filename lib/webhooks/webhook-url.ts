/**
 * The public URLs Twilio posts webhooks to. Twilio signs exactly these URLs, so they must be the
 * ones configured in Twilio (npm run dev / npm run twilio:setup use them too).
 */
function webhookBase(env: Readonly<Record<string, string | undefined>>): string {
  return (env.WEBHOOK_BASE_URL ?? env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
}

/** Post-action webhooks: what happened. */
export function webhookUrl(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return `${webhookBase(env)}/api/webhooks/twilio`;
}

/** Pre-action webhooks: what an SDK client is about to do, for the app to allow or refuse. */
export function preActionWebhookUrl(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return `${webhookBase(env)}/api/webhooks/twilio/pre-action`;
}
