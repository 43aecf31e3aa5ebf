import { z } from 'zod';
import { toE164 } from './phone-address';
import { zSafeText } from '@/lib/text/control-characters';

export const ZStartConversation = z
  .object({
    channel: z.enum(['sms', 'whatsapp'], 'Choose SMS or WhatsApp.'),
    customerNumber: z
      .string()
      .transform((value, ctx) => {
        const e164 = toE164(value);
        if (!e164) ctx.addIssue({ code: 'custom', message: 'Enter the number in international format, like +1 555 867 5310.' });
        return e164 ?? '';
      }),
    customerName: zSafeText().trim().max(100, 'Use at most 100 characters.').optional(),
    from: z.string().min(1, 'Choose one of your numbers.'),
  })
  .strict();
export type TStartConversation = z.infer<typeof ZStartConversation>;
