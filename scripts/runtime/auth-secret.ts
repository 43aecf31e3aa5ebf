import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * NEXTAUTH_SECRET signs session cookies. Use the one given; otherwise keep a generated one
 * in the data folder so sessions survive restarts (a throwaway run gets a throwaway secret).
 */
export function resolveAuthSecret(env: NodeJS.ProcessEnv, dataDir: string, persist: boolean): string {
  const given = env.NEXTAUTH_SECRET ?? env.AUTH_SECRET;
  if (given) return given;
  if (!persist) return randomBytes(32).toString('base64url');
  const file = path.join(dataDir, 'auth-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
