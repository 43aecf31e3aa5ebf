import { z } from 'zod';
import type { CurrentUser } from '@/lib/auth/current-user';
import { conversationService } from '@/lib/twilio/conversation-service';
import { ensureTwilioUser } from '@/lib/twilio/ensure-twilio-user';
import { notFoundFromTwilio } from '@/lib/twilio/twilio-errors';
import { assertCanWrite } from './conversation-access';
import { zSafeText } from '@/lib/text/control-characters';

export const ZSendMessage = z.object({ body: zSafeText().trim().min(1, 'Write a message.').max(1600, 'Messages to phones are at most 1,600 characters.') }).strict();

/**
 * Writes in a conversation through the server, for people who may write but do not take part
 * (a supervisor stepping in). Ownership is checked here; agents normally send with the SDK.
 */
export async function sendAsUser({ user, conversationSid, body }: { user: CurrentUser; conversationSid: string; body: string }) {
  await assertCanWrite(user, conversationSid);
  await ensureTwilioUser(user);
  const service = await conversationService();
  // Webhooks enabled: the app's own index and the carrier see it like any other reply.
  const message = await service
    .conversations(conversationSid)
    .messages.create({ author: user.id, body, xTwilioWebhookEnabled: 'true' })
    .catch((error: unknown) => {
      throw notFoundFromTwilio(error, 'No such conversation.');
    });
  return { sid: message.sid, index: message.index };
}
