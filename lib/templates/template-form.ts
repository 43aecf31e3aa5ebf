import { z } from 'zod';
import { zSafeText } from '@/lib/text/control-characters';

/** The templates page's form, shared by the browser and the server. */
export const TEMPLATE_KINDS = ['text', 'media', 'quick-reply'] as const;

export const ZCreateTemplate = z
  .object({
    friendlyName: z.string().trim().regex(/^[a-z0-9_]{1,64}$/, 'Use lowercase letters, digits and underscores (it is also the WhatsApp template name).'),
    language: z.string().regex(/^[a-z]{2}([_-][A-Za-z]{2})?$/, 'A language code such as en or pt_BR.'),
    kind: z.enum(TEMPLATE_KINDS),
    body: zSafeText().trim().min(1, 'Write the message.').max(1024, 'At most 1,024 characters.'),
    mediaUrl: z.string().trim().url('A public https URL.').startsWith('https://', 'A public https URL.').optional(),
    buttons: z.array(zSafeText().trim().min(1, 'A button needs a title.').max(20, 'At most 20 characters.')).max(3, 'At most 3 buttons.').optional(),
    variables: z.record(z.string().regex(/^[\w.-]{1,64}$/), zSafeText().max(256)).default({}),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.kind === 'media' && !input.mediaUrl) ctx.addIssue({ code: 'custom', path: ['mediaUrl'], message: 'A media template needs a media URL.' });
    if (input.kind === 'quick-reply' && !input.buttons?.length) ctx.addIssue({ code: 'custom', path: ['buttons'], message: 'Add at least one button.' });
  });
export type TCreateTemplate = z.infer<typeof ZCreateTemplate>;

/** The Content API `types` a form describes. */
export function templateTypes(input: TCreateTemplate): Record<string, Record<string, unknown>> {
  if (input.kind === 'media') return { 'twilio/media': { body: input.body, media: [input.mediaUrl] } };
  if (input.kind === 'quick-reply') {
    return {
      'twilio/quick-reply': { body: input.body, actions: (input.buttons ?? []).map((title, i) => ({ title, id: `reply_${i + 1}` })) },
      // SMS has no buttons: the text is what it gets.
      'twilio/text': { body: input.body },
    };
  }
  return { 'twilio/text': { body: input.body } };
}
