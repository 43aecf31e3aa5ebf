import { after, type NextRequest, NextResponse } from 'next/server';
import { errorResponse } from '@/lib/api/error-response';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { metrics } from '@/lib/observability/metrics';
import { readTwilioEnv } from '@/lib/twilio/twilio-env';
import { processWebhook } from '@/lib/webhooks/process-webhook';
import { readWebhookBody } from '@/lib/webhooks/read-webhook-body';

// Twilio's post-action webhooks. Authenticated by X-Twilio-Signature, not by a session; the
// body is bounded before it is read (anyone can post here).
export async function POST(req: NextRequest) {
  const answered = metrics.webhookSeconds.startTimer();
  const clientIp = clientIpFrom(req.headers);
  let body: string;
  try {
    body = await readWebhookBody(req, { endpoint: 'post-action', clientIp });
  } catch (error) {
    return errorResponse(error);
  }
  const result = await processWebhook({
    body,
    signature: req.headers.get('x-twilio-signature'),
    idempotencyToken: req.headers.get('i-twilio-idempotency-token'),
    authToken: readTwilioEnv().authToken,
    clientIp,
    defer: (work) =>
      after(() =>
        work().catch((error: unknown) => console.error('Webhook follow-up failed', error)),
      ),
  });
  answered();
  return result.status === 200 ? new Response(null, { status: 200 }) : NextResponse.json({ error: result.error }, { status: result.status });
}
