import { z } from 'zod';

// C0 controls and DEL, except tab, line feed and carriage return, which text legitimately holds.
// PostgreSQL refuses NUL in text outright (22021), and the rest only ever arrive by accident or
// malice, so the app never stores any of them.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function hasControlCharacters(text: string): boolean {
  CONTROL_CHARACTERS.lastIndex = 0;
  return CONTROL_CHARACTERS.test(text);
}

/** For text the app does not control the source of (webhooks, Twilio): keep it, minus the controls. */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/** For text a user sends the API: refused with a 422 that names the field (zod puts it in the path). */
export function zSafeText() {
  return z.string().refine((text) => !hasControlCharacters(text), { message: 'must not contain control characters' });
}
