import type { Core } from '../domain/core';
import type { Router } from './router';
import { json } from './types';

/**
 * The emulator's own control plane under `/emulator/v1/` (no auth: it is a local test tool).
 * Other adapters (carrier, clock) register further routes under the same prefix.
 */
export const registerControlRoutes = (router: Router, core: Core, hooks: { reset: () => Promise<void> }) => {
  router.get('/emulator/v1/Health', () =>
    json(200, {
      status: 'ok',
      account_sid: core.accountSid,
      default_service_sid: core.defaultServiceSid,
      numbers: core.numbers,
    }),
  );
  router.post('/emulator/v1/Reset', async () => {
    await hooks.reset();
    return json(200, { status: 'reset', default_service_sid: core.defaultServiceSid });
  });
};
