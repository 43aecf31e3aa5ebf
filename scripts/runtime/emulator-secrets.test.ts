import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS } from 'conversations-emulator/client';
import { resolveEmulatorSecrets } from './emulator-secrets';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-secrets-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the demo emulator’s secrets', () => {
  it('are generated once per data folder, never the published defaults, and kept private', () => {
    const dir = tempDir();
    const first = resolveEmulatorSecrets({}, dir, true);
    expect(first.authToken).not.toBe(DEFAULT_CREDENTIALS.authToken);
    expect(first.apiSecret).not.toBe(DEFAULT_CREDENTIALS.apiSecret);
    expect(first.authToken).toHaveLength(32);
    expect(resolveEmulatorSecrets({}, dir, true)).toEqual(first);
    expect(fs.statSync(path.join(dir, 'emulator-secrets.json')).mode & 0o077).toBe(0);
    // Another data folder, another demo: other secrets.
    expect(resolveEmulatorSecrets({}, tempDir(), true).authToken).not.toBe(first.authToken);
  });

  it('are the given ones when set, and throwaway ones for a throwaway run', () => {
    const dir = tempDir();
    expect(resolveEmulatorSecrets({ EMULATOR_AUTH_TOKEN: 'given-token', EMULATOR_API_SECRET: 'given-secret' }, dir, true)).toEqual({ authToken: 'given-token', apiSecret: 'given-secret' });
    expect(fs.existsSync(path.join(dir, 'emulator-secrets.json'))).toBe(false);
    const throwaway = resolveEmulatorSecrets({}, dir, false);
    expect(throwaway.authToken).not.toBe(resolveEmulatorSecrets({}, dir, false).authToken);
    expect(fs.existsSync(path.join(dir, 'emulator-secrets.json'))).toBe(false);
  });
});
