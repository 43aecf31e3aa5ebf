import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type twilio from 'twilio';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { EmulatorRequestClient } from '../../src/client';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/index';
import { liveView } from './live-view';
import { phone } from './phone';
import { hasSpec, validateTwilioResponse } from './spec-validator';

type RequestOptions = Parameters<twilio.RequestClient['request']>[0];

/**
 * The emulator's redirect client plus a check: every response from conversations.twilio.com and
 * content.twilio.com is
 * validated against the spec, and a violation fails the helper call that produced it.
 */
export class ValidatingRequestClient extends EmulatorRequestClient {
  override async request<TData>(opts: RequestOptions & { data?: TData }) {
    const response = await super.request<TData>(opts);
    const url = new URL(opts.uri);
    // Conversations v2 and Memory have no vendored spec; their answers are checked by their own tests.
    if (hasSpec(url.hostname) && !(url.hostname === 'conversations.twilio.com' && !url.pathname.startsWith('/v1/'))) {
      const outcome = await validateTwilioResponse(opts.method, opts.uri, response.statusCode, response.body);
      if (outcome.errors.length > 0) {
        throw new Error(
          `Response of ${opts.method.toUpperCase()} ${opts.uri} (${outcome.operationId}) violates the spec:\n  ${outcome.errors.join('\n  ')}`,
        );
      }
    }
    return response;
  }
}

export type TestEmulator = Emulator & { client: twilio.Twilio; keyClient: twilio.Twilio };

/** Loggers that keep test output clean; tests that care read outcomes instead. */
export const quiet = { info: () => undefined, warn: () => undefined };

/**
 * Starts an emulator on a free port with the rate limit off unless asked for, and a validating client.
 * Deliveries take no real time (each step waits one turn of the event loop) and webhooks retry after
 * milliseconds, not seconds; tests await `carrier.idle()` / `webhooks.idle()` rather than sleeping.
 */
export const startTestEmulator = async (options: EmulatorOptions = {}): Promise<TestEmulator> => {
  const { default: twilioFactory } = await import('twilio');
  const emulator = await startEmulator({
    port: 0,
    rateLimit: false,
    ...options,
    carrier: { receiptDelays: { sentMs: 0, deliveredMs: 0 }, logger: quiet, ...options.carrier },
    webhooks: { preActionTimeoutMs: 1_000, retryDelaysMs: [10, 20, 40], logger: quiet, ...options.webhooks },
  });
  const { accountSid, authToken, apiKey, apiSecret } = emulator.credentials;
  const client = twilioFactory(accountSid, authToken, { httpClient: new ValidatingRequestClient(emulator.url) });
  const keyClient = twilioFactory(apiKey, apiSecret, { accountSid, httpClient: new ValidatingRequestClient(emulator.url) });
  return Object.assign(emulator, { client, keyClient });
};

/** The whole state once deliveries and webhooks in flight have finished, for "nothing changed" checks. */
export const settledState = async (emulator: Emulator): Promise<string> => {
  await emulator.carrier.idle();
  await emulator.webhooks.idle();
  return JSON.stringify(emulator.core.store.state);
};

/**
 * One test emulator for the whole file: started before its first test, closed after its last. With
 * `resetEach`, every test starts from an empty emulator. Returns the emulator (readable once the hooks
 * have run) and the shorthands the tests use.
 */
export const setupTestEmulator = (options: EmulatorOptions = {}, { resetEach = false } = {}) => {
  let started: TestEmulator | undefined;
  beforeAll(async () => {
    started = await startTestEmulator(options);
  });
  afterAll(async () => {
    await started?.close();
  });
  const emu = liveView(() => started, 'The test emulator');
  if (resetEach) {
    beforeEach(async () => {
      // Deliveries and webhooks still in flight from the previous test would land after the reset.
      await emu.carrier.idle();
      await emu.webhooks.idle();
      await emu.reset();
    });
  }
  return {
    emu,
    v1: () => emu.client.conversations.v1,
    conversations: () => emu.client.conversations.v1.conversations,
    /** The settled state as a string, for "nothing changed" checks. */
    snapshot: () => settledState(emu),
    /** The carrier's control API, as customers' phones use it. */
    phone: phone(emu),
  };
};

export const tempStatePath = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'emulator-state-'));
  return { file: path.join(dir, 'state.json'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
};

/** Runs `fn`, expecting a Twilio RestException; returns it for assertions. */
export const rejection = async (fn: () => Promise<unknown>): Promise<{ status: number; code: number; message: string }> => {
  try {
    await fn();
  } catch (error) {
    const e = error as { status?: number; code?: number; message?: string };
    if (typeof e.status === 'number' && typeof e.code === 'number') {
      return { status: e.status, code: e.code, message: e.message ?? '' };
    }
    throw error;
  }
  throw new Error('expected the call to be rejected by the emulator');
};
