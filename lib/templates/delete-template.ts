import 'server-only';
import { getTwilioClient } from '@/lib/twilio/rest-client';
import { notFoundFromTwilio } from '@/lib/twilio/twilio-errors';

export async function deleteTemplate(contentSid: string): Promise<void> {
  await getTwilioClient()
    .content.v1.contents(contentSid)
    .remove()
    .catch((error: unknown) => {
      throw notFoundFromTwilio(error, 'No such template.');
    });
}
