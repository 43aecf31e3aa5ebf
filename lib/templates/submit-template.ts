import 'server-only';
import { z } from 'zod';
import { AppError } from '@/lib/api/app-error';
import { getTwilioClient } from '@/lib/twilio/rest-client';
import { twilioErrorOf } from '@/lib/twilio/twilio-errors';

export const ZSubmitTemplate = z.object({ category: z.enum(['UTILITY', 'MARKETING', 'AUTHENTICATION']) }).strict();

/** Submits a template for WhatsApp's review, under its friendly name (WhatsApp's template name). */
export async function submitTemplate(contentSid: string, category: z.infer<typeof ZSubmitTemplate>['category']): Promise<void> {
  const content = getTwilioClient().content.v1.contents(contentSid);
  try {
    const { friendlyName } = await content.fetch();
    await content.approvalCreate.create({ name: friendlyName, category });
  } catch (error) {
    const { status, message } = twilioErrorOf(error);
    if (status === 404) throw new AppError('not_found', 'No such template.');
    if (status === 400) throw new AppError('invalid_request', message ?? 'WhatsApp refused the submission.');
    throw error;
  }
}
