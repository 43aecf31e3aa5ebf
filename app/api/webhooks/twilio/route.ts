import { after, type NextRequest, NextResponse } from 'next/server';
import { readTwilioEnv } from '@/lib/twilio/twilio-env';
import { processWebhook } from '@/lib/webhooks/process-webhook';

// Twilio's post-action webhooks. Authenticated by X-Twilio-Signature, not by a session.
export async function POST(req: NextRequest) {
  const result = await processWebhook({
    body: await req.text(),
    signature: req.headers.get('x-twilio-signature'),
    idempotencyToken: req.headers.get('i-twilio-idempotency-token'),
    authToken: readTwilioEnv().authToken,
    defer: (work) =>
      after(() =>
        work().catch((error: unknown) => console.error('Webhook follow-up failed', error)),
      ),
  });
  return result.status === 200 ? new Response(null, { status: 200 }) : NextResponse.json({ error: result.error }, { status: result.status });
}
