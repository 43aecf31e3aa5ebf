/**
 * The public URL Twilio posts webhooks to. Twilio signs exactly this URL, so it must be the
 * one configured in Twilio (npm run dev / npm run twilio:setup use it too).
 */
export function webhookUrl(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const base = env.WEBHOOK_BASE_URL ?? env.NEXTAUTH_URL ?? 'http://localhost:3000';
  return `${base.replace(/\/+$/, '')}/api/webhooks/twilio`;
}
