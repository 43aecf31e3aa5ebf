import 'server-only';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

// The app's Prometheus metrics (prom-client), one registry per process. Kept on globalThis
// because Next's dev server reloads modules, and a second registration of a metric throws.
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'switchboard_process_' });
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Counter<L>({ name: `switchboard_${name}`, help, labelNames, registers: [registry] });
  return {
    registry,
    webhooks: counter('webhooks_total', 'Twilio webhooks by outcome (accepted, duplicate, rejected, failed) and reason', ['outcome', 'reason']),
    signInFailures: counter('sign_in_failures_total', 'Failed sign-ins by reason (bad_credentials, locked, disabled)', ['reason']),
    signInLocks: counter('sign_in_locks_total', 'Accounts or clients locked by the sign-in throttle', ['scope']),
    twilioErrors: counter('twilio_errors_total', 'Twilio REST answers 429 or 5xx, after retries', ['status']),
    reconcilerRepairs: counter('reconciler_repairs_total', 'Conversations the reconciler indexed or routed', ['kind']),
    webhookSeconds: new Histogram({
      name: 'switchboard_webhook_seconds',
      help: "Time to answer one of Twilio's post-action webhooks (its follow-up work runs after the answer)",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    deadLetters: counter('dead_letters_total', 'Work that could not be processed and was set aside for a person', ['source']),
  };
}

const globalForMetrics = globalThis as unknown as { switchboardMetrics?: ReturnType<typeof createMetrics> };

export const metrics = (globalForMetrics.switchboardMetrics ??= createMetrics());
