import { z } from 'zod';
import { toE164 } from '@/lib/conversations/phone-address';
import { zSafeText } from '@/lib/text/control-characters';

// Twilio's group texting (group MMS) rules: US/Canada (+1) long codes only, at most 10
// participants in all — here up to nine customers plus the agent behind the projected address.
export const MAX_GROUP_CUSTOMERS = 9;

const ZPlusOne = z.string().transform((value, ctx) => {
  const e164 = toE164(value);
  if (!e164) {
    ctx.addIssue({ code: 'custom', message: `${value.trim() || 'An empty number'} is not a phone number.` });
    return z.NEVER;
  }
  if (!e164.startsWith('+1')) {
    ctx.addIssue({ code: 'custom', message: `${e164}: group texts work with US and Canadian (+1) numbers only.` });
    return z.NEVER;
  }
  return e164;
});

export const ZStartGroupText = z
  .object({
    customers: z
      .array(ZPlusOne)
      .min(2, 'A group text needs at least two customers.')
      .max(MAX_GROUP_CUSTOMERS, `A group text has at most ${MAX_GROUP_CUSTOMERS} customers (10 participants with you).`)
      .refine((numbers) => new Set(numbers).size === numbers.length, 'Each customer can be in the group once.'),
    projectedAddress: z.string().refine((value) => /^\+1\d{10}$/.test(value), 'Choose one of your +1 numbers for the group.'),
    name: zSafeText().trim().max(100).optional(),
  })
  .strict();
export type TStartGroupText = z.infer<typeof ZStartGroupText>;
