import { z } from 'zod';
import { parseAddress } from './domain/validate';
import { parseControlOrigins } from './http/control-origins';

/**
 * The emulator's well-known test account. Emulator mode needs no configuration: these defaults are what
 * the app and tests use unless overridden by environment variables.
 */
export const DEFAULT_PORT = 4510;

/** The account the emulator answers for: Basic auth with the auth token or the API key, tokens signed with the key. */
export type Credentials = { accountSid: string; authToken: string; apiKey: string; apiSecret: string };

export const DEFAULT_CREDENTIALS: Credentials = {
  accountSid: 'AC00000000000000000000000000000001',
  authToken: 'switchboard-emulator-auth-token',
  apiKey: 'SK00000000000000000000000000000001',
  apiSecret: 'switchboard-emulator-api-secret',
};

/**
 * Real-time pauses of a carrier delivery: queued → `sent` (or a failure), then → `delivered` (or
 * undelivered). Real carriers take about a second to hand a message on and a few more to confirm it,
 * which also keeps receipt steps apart by more than the SDK's 500 ms cache of API answers. 0 is one
 * turn of the event loop (tests that do not look at timing).
 */
export type ReceiptDelays = { sentMs: number; deliveredMs: number };

export const DEFAULT_RECEIPT_DELAYS: ReceiptDelays = { sentMs: 1_000, deliveredMs: 2_000 };

/** Two +1 long codes (group MMS needs +1) and the WhatsApp sender used in Twilio's own examples. */
export const DEFAULT_NUMBERS = ['+15017122661', '+15017122662', 'whatsapp:+14155238886'] as const;

const Env = z.object({
  EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  EMULATOR_STATE: z.string().min(1).optional(),
  EMULATOR_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be AC + 32 hex digits').optional(),
  EMULATOR_AUTH_TOKEN: z.string().min(1).optional(),
  EMULATOR_API_KEY: z.string().regex(/^SK[0-9a-fA-F]{32}$/, 'must be SK + 32 hex digits').optional(),
  EMULATOR_API_SECRET: z.string().min(1).optional(),
  EMULATOR_NUMBERS: z.string().optional(),
  EMULATOR_RATE_LIMIT: z.enum(['on', 'off']).optional(),
  EMULATOR_SENT_DELAY_MS: z.coerce.number().int().min(0).max(600_000).optional(),
  EMULATOR_DELIVERED_DELAY_MS: z.coerce.number().int().min(0).max(600_000).optional(),
  EMULATOR_CONTROL_ORIGINS: z.string().optional(),
});

export type EmulatorConfig = {
  port: number;
  statePath: string | undefined;
  credentials: Credentials;
  numbers: string[];
  rateLimit: boolean;
  carrier: { receiptDelays: ReceiptDelays };
  /** Web pages allowed to call the control API (`--control-origins` / EMULATOR_CONTROL_ORIGINS, comma-separated). */
  controlOrigins: string[];
};

export const parseNumbers = (value: string): string[] =>
  value
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '')
    .map((n) => parseAddress(n, 'EMULATOR_NUMBERS').address);

/** Reads the environment (zod-checked) and CLI flags (`--port N`, `--state FILE`); flags win. */
export const readConfig = (env: NodeJS.ProcessEnv, argv: readonly string[]): EmulatorConfig => {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    const inline = argv.find((a) => a.startsWith(`${name}=`));
    return inline ? inline.slice(name.length + 1) : i >= 0 ? argv[i + 1] : undefined;
  };
  const portFlag = flag('--port');
  const port = portFlag !== undefined ? Number(portFlag) : (e.EMULATOR_PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port: ${portFlag}`);
  return {
    port,
    statePath: flag('--state') ?? e.EMULATOR_STATE,
    credentials: {
      accountSid: e.EMULATOR_ACCOUNT_SID ?? DEFAULT_CREDENTIALS.accountSid,
      authToken: e.EMULATOR_AUTH_TOKEN ?? DEFAULT_CREDENTIALS.authToken,
      apiKey: e.EMULATOR_API_KEY ?? DEFAULT_CREDENTIALS.apiKey,
      apiSecret: e.EMULATOR_API_SECRET ?? DEFAULT_CREDENTIALS.apiSecret,
    },
    numbers: e.EMULATOR_NUMBERS ? parseNumbers(e.EMULATOR_NUMBERS) : [...DEFAULT_NUMBERS],
    rateLimit: e.EMULATOR_RATE_LIMIT !== 'off',
    carrier: {
      receiptDelays: {
        sentMs: e.EMULATOR_SENT_DELAY_MS ?? DEFAULT_RECEIPT_DELAYS.sentMs,
        deliveredMs: e.EMULATOR_DELIVERED_DELAY_MS ?? DEFAULT_RECEIPT_DELAYS.deliveredMs,
      },
    },
    controlOrigins: parseControlOrigins(flag('--control-origins') ?? e.EMULATOR_CONTROL_ORIGINS ?? ''),
  };
};
