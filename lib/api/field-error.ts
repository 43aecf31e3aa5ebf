import { ZodError } from 'zod';

/**
 * A rule checked after schema validation (a password's strength) fails like the schema would:
 * a 422 whose `issues` name the field, so forms show the reason next to it.
 */
export function fieldError(field: string, message: string): ZodError {
  return new ZodError([{ code: 'custom', path: [field], message, input: undefined }]);
}
