import { type NextRequest, NextResponse } from 'next/server';
import { readTwilioEnv } from '@/lib/twilio/twilio-env';
import { processPreAction } from '@/lib/webhooks/process-pre-action';

// Twilio's pre-action webhooks: a 2xx lets the change through, anything else refuses it.
// Authenticated by X-Twilio-Signature, not by a session.
export async function POST(req: NextRequest) {
  const result = await processPreAction({
    body: await req.text(),
    signature: req.headers.get('x-twilio-signature'),
    authToken: readTwilioEnv().authToken,
  });
  return result.status === 200 ? new Response(null, { status: 200 }) : NextResponse.json({ error: result.error }, { status: result.status });
}
