import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'conversations-emulator';
import { checkHealth } from '@/lib/observability/check-health';
import { startTestDatabase } from '../support/test-database';
import { startTestEmulator } from '../support/test-emulator';

let database: Awaited<ReturnType<typeof startTestDatabase>>;
let emulator: Emulator;
beforeAll(async () => {
  database = await startTestDatabase();
  emulator = await startTestEmulator();
});
afterAll(async () => database.close());

describe('the health check', () => {
  it('says ok while the database and Twilio answer, and which one is down when one is not', async () => {
    const now = Date.now();
    expect(await checkHealth(now)).toEqual({ status: 'ok', checks: { database: 'ok', twilio: 'ok' } });
    await emulator.close();
    // Twilio's answer is reused for a few seconds (probes are frequent, Twilio's API is not free).
    expect((await checkHealth(now + 1_000)).checks.twilio).toBe('ok');
    expect(await checkHealth(now + 60_000)).toEqual({ status: 'degraded', checks: { database: 'ok', twilio: 'unreachable' } });
  });
});
