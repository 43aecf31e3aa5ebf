import type { NextRequest } from 'next/server';
import { errorResponse } from '@/lib/api/error-response';
import { AppError } from '@/lib/api/app-error';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { messageStatusUrl } from '@/lib/broadcasts/message-status-url';
import { recordMessageStatus } from '@/lib/broadcasts/record-message-status';
import { readTwilioEnv } from '@/lib/twilio/twilio-env';
import { readWebhookBody } from '@/lib/webhooks/read-webhook-body';
import { isValidTwilioSignature, parseFormParams } from '@/lib/webhooks/verify-signature';
import { recordWebhookOutcome } from '@/lib/webhooks/webhook-outcome';

// Programmable Messaging's status callbacks for broadcast messages. Authenticated by
// X-Twilio-Signature over the URL Switchboard gave Twilio; the body is bounded before it is read,
// and a forged callback is counted and logged like any rejected webhook.
export async function POST(req: NextRequest) {
  const clientIp = clientIpFrom(req.headers);
  try {
    const body = await readWebhookBody(req, { endpoint: 'message-status', clientIp });
    const params = parseFormParams(body);
    const signature = req.headers.get('x-twilio-signature');
    if (!isValidTwilioSignature({ authToken: readTwilioEnv().authToken, signature, url: messageStatusUrl(), params })) {
      recordWebhookOutcome({ outcome: 'rejected', reason: 'bad_signature', detail: signature ? 'invalid' : 'missing' }, { endpoint: 'message-status', clientIp });
      throw new AppError('forbidden', 'Invalid Twilio signature.');
    }
    await recordMessageStatus(params);
    recordWebhookOutcome({ outcome: 'accepted' });
    return new Response(null, { status: 200 });
  } catch (error) {
    return errorResponse(error);
  }
}
