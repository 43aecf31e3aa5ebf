import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type EmulatorSecrets = { authToken: string; apiSecret: string };

const generate = () => randomBytes(24).toString('base64url');

/**
 * The embedded emulator's auth token (it signs webhooks) and API key secret (it signs SDK tokens).
 * Given ones (EMULATOR_AUTH_TOKEN, EMULATOR_API_SECRET) are used as they are; otherwise they are
 * generated once per data folder — never the emulator's published defaults, which would let anyone
 * who reaches the demo sign webhooks or mint tokens — and a throwaway run gets throwaway ones.
 */
export function resolveEmulatorSecrets(env: Readonly<Record<string, string | undefined>>, dataDir: string, persist: boolean): EmulatorSecrets {
  const given = { authToken: env.EMULATOR_AUTH_TOKEN, apiSecret: env.EMULATOR_API_SECRET };
  if (given.authToken && given.apiSecret) return { authToken: given.authToken, apiSecret: given.apiSecret };
  if (!persist) return { authToken: given.authToken || generate(), apiSecret: given.apiSecret || generate() };
  const file = path.join(dataDir, 'emulator-secrets.json');
  const stored = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as EmulatorSecrets) : null;
  const secrets = stored ?? { authToken: generate(), apiSecret: generate() };
  if (!stored) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  }
  return { authToken: given.authToken || secrets.authToken, apiSecret: given.apiSecret || secrets.apiSecret };
}
