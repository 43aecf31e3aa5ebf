import { type NextRequest, NextResponse } from 'next/server';
import { errorResponse } from '@/lib/api/error-response';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { readTwilioEnv } from '@/lib/twilio/twilio-env';
import { processPreAction } from '@/lib/webhooks/process-pre-action';
import { readWebhookBody } from '@/lib/webhooks/read-webhook-body';

// Twilio's pre-action webhooks: a 2xx lets the change through, anything else refuses it.
// Authenticated by X-Twilio-Signature, not by a session; the body is bounded before it is read
// (anyone can post here).
export async function POST(req: NextRequest) {
  const clientIp = clientIpFrom(req.headers);
  let body: string;
  try {
    body = await readWebhookBody(req, { endpoint: 'pre-action', clientIp });
  } catch (error) {
    return errorResponse(error);
  }
  const result = await processPreAction({ body, signature: req.headers.get('x-twilio-signature'), authToken: readTwilioEnv().authToken, clientIp });
  return result.status === 200 ? new Response(null, { status: 200 }) : NextResponse.json({ error: result.error }, { status: result.status });
}
