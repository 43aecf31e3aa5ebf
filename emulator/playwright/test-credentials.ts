import { randomBytes } from 'node:crypto';
import type { Credentials } from '../src/config';

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/**
 * Credentials of an account that exists only in one worker's emulator: an app under test that ignores
 * the credentials it is given (and falls back to well-known defaults) fails at once instead of passing
 * by accident.
 */
export const createTestCredentials = (): Credentials => ({
  accountSid: `AC${hex(16)}`,
  authToken: hex(16),
  apiKey: `SK${hex(16)}`,
  apiSecret: hex(16),
});
