import 'server-only';
import { z } from 'zod';
import { AppError } from '@/lib/api/app-error';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCanWrite } from '@/lib/conversations/conversation-access';
import { zSafeText } from '@/lib/text/control-characters';
import { conversationService } from '@/lib/twilio/conversation-service';
import { notFoundFromTwilio } from '@/lib/twilio/twilio-errors';
import { fetchTemplate } from './list-templates';
import { renderTemplate, templateVariableNames } from './render-template';
import type { TTemplateAttribute } from './template-view';

export const ZSendTemplate = z
  .object({
    contentSid: z.string().regex(/^HX[0-9a-fA-F]{32}$/, 'Pick a template.'),
    contentVariables: z.record(z.string().max(64), zSafeText().trim().max(1024, 'A value is at most 1,024 characters.')),
  })
  .strict();
export type TSendTemplate = z.infer<typeof ZSendTemplate>;

/**
 * Sends an approved WhatsApp template in a conversation, for its owner or a supervisor (the same rule
 * as any reply). Only approved templates: outside the 24-hour window WhatsApp takes nothing else,
 * and inside it an unapproved one is no different from free text. Every variable needs a value.
 * The rendering goes with the message as an attribute, so every thread shows what the customer saw.
 */
export async function sendTemplate({ user, conversationSid, input }: { user: CurrentUser; conversationSid: string; input: TSendTemplate }) {
  await assertCanWrite(user, conversationSid);
  const template = await fetchTemplate(input.contentSid).catch((error: unknown) => {
    throw notFoundFromTwilio(error, 'No such template.');
  });
  if (template.whatsapp.status !== 'approved') throw new AppError('invalid_request', 'This template is not approved for WhatsApp yet.');
  const names = templateVariableNames(template);
  const unknown = Object.keys(input.contentVariables).filter((name) => !names.includes(name));
  if (unknown.length > 0) throw new AppError('invalid_request', `This template has no variable ${unknown.join(', ')}.`);
  const missing = names.filter((name) => !input.contentVariables[name] && !template.variables[name]);
  if (missing.length > 0) throw new AppError('invalid_request', `Fill in every variable (${missing.join(', ')}).`);
  const attribute: TTemplateAttribute = {
    sid: template.sid,
    name: template.friendlyName || template.whatsapp.name,
    preview: renderTemplate(template, input.contentVariables),
  };
  const service = await conversationService();
  const message = await service
    .conversations(conversationSid)
    .messages.create({
      author: user.id,
      contentSid: template.sid,
      contentVariables: JSON.stringify(input.contentVariables),
      attributes: JSON.stringify({ template: attribute }),
      xTwilioWebhookEnabled: 'true',
    })
    .catch((error: unknown) => {
      throw notFoundFromTwilio(error, 'No such conversation.');
    });
  return { sid: message.sid, index: message.index };
}
