import type { NextRequest } from 'next/server';
import { errorResponse } from '@/lib/api/error-response';
import { AppError } from '@/lib/api/app-error';
import { messageStatusUrl } from '@/lib/broadcasts/message-status-url';
import { recordMessageStatus } from '@/lib/broadcasts/record-message-status';
import { BODY_LIMITS, readLimitedBody } from '@/lib/http/read-limited-body';
import { readTwilioEnv } from '@/lib/twilio/twilio-env';
import { isValidTwilioSignature, parseFormParams } from '@/lib/webhooks/verify-signature';

// Programmable Messaging's status callbacks for broadcast messages. Authenticated by
// X-Twilio-Signature over the URL Switchboard gave Twilio; the body is bounded before it is read.
export async function POST(req: NextRequest) {
  try {
    const body = (await readLimitedBody(req, BODY_LIMITS.webhook)).toString('utf8');
    const params = parseFormParams(body);
    if (!isValidTwilioSignature({ authToken: readTwilioEnv().authToken, signature: req.headers.get('x-twilio-signature'), url: messageStatusUrl(), params })) {
      throw new AppError('forbidden', 'Invalid Twilio signature.');
    }
    await recordMessageStatus(params);
    return new Response(null, { status: 200 });
  } catch (error) {
    return errorResponse(error);
  }
}
