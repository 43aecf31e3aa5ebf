import { fieldError } from '@/lib/api/field-error';
import { passwordWeakness } from '@/lib/auth/password-strength';

/** Refuses a password that is easy to guess (422 on `password`, with the reason). */
export async function assertStrongPassword(password: string, person: { email: string; name: string }): Promise<void> {
  const weakness = await passwordWeakness(password, [person.name, person.email]);
  if (weakness) throw fieldError('password', weakness);
}
