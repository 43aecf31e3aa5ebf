// `npm run twilio:setup`: configures a live Twilio account for Switchboard — its roles, the
// service's webhooks to this app and auto-creation for your numbers. Safe to run again: it changes only
// what differs, and prints what it changed.
import { listTwilioNumbers } from '@/lib/twilio/twilio-numbers';
import { configureTwilio } from '@/lib/twilio/configure-twilio';
import { isLiveTwilio } from '@/lib/twilio/twilio-env';
import { preActionWebhookUrl, webhookUrl } from '@/lib/webhooks/webhook-url';

async function main() {
  if (!isLiveTwilio(process.env)) {
    throw new Error('Set TWILIO_ACCOUNT_SID, TWILIO_API_KEY, TWILIO_API_SECRET and TWILIO_CONVERSATIONS_SERVICE_SID (npm run dev configures the emulator by itself).');
  }
  if (!process.env.WEBHOOK_BASE_URL && !process.env.NEXTAUTH_URL) {
    throw new Error('Set NEXTAUTH_URL (or WEBHOOK_BASE_URL) to the public URL Twilio can reach, e.g. https://switchboard.example.com');
  }
  const numbers = listTwilioNumbers();
  if (numbers.length === 0) console.warn('TWILIO_NUMBERS is empty: no number will auto-create conversations.');
  const changes = await configureTwilio({ webhookUrl: webhookUrl(), preActionWebhookUrl: preActionWebhookUrl(), numbers });
  console.log(changes.length ? ['Changed:', ...changes.map((change) => `  - ${change}`)].join('\n') : 'Nothing to change: Twilio is already set up.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
