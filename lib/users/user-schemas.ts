import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/password-rules';
import { ROLES } from '@/lib/auth/roles';
import { zSafeText } from '@/lib/text/control-characters';

// Shared by the admin API (the boundary) and the admin forms (early feedback).
export const ZEmail = zSafeText().trim().toLowerCase().email('Enter a valid email address.').max(320);
export const ZName = zSafeText().trim().min(1, 'Enter a name.').max(100, 'Use at most 100 characters.');
export const ZPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);
export const ZRole = z.enum(ROLES, 'Choose Agent, Supervisor or Admin.');
export const ZCapacity = z
  .number('Enter a number.')
  .int('Enter a whole number.')
  .min(0, 'Capacity cannot be negative.')
  .max(100, 'Capacity is at most 100.');

export const ZCreateUser = z
  .object({ email: ZEmail, name: ZName, password: ZPassword, role: ZRole.default('AGENT'), capacity: ZCapacity.default(5) })
  .strict();
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = z
  .object({ name: ZName, role: ZRole, active: z.boolean(), capacity: ZCapacity })
  .partial()
  .strict()
  .refine((update) => Object.keys(update).length > 0, 'Change at least one field.');
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

export const ZResetPassword = z.object({ password: ZPassword }).strict();
