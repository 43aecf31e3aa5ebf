import { z } from 'zod';
import { toTwilioDate } from '../clock';
import { CONTENT_TEMPLATES } from '../domain/content-templates';
import type { Core } from '../domain/core';
import { invalidParam } from '../domain/errors';
import { SYSTEM_ORIGIN } from '../domain/origin';
import { parseDuration } from '../domain/validate';
import { registerCarrierRoutes } from '../carrier/routes';
import { json, type CorsPolicy } from '../http/route';
import type { ProductRoutes } from '../http/router';
import type { ProductRegistration } from '../products';
import { bool, parse, str } from './params';

const ClockForm = z.object({ Advance: str() });
const MessagingServiceForm = z.object({ InboundAutocreation: bool() });

export type ControlHooks = {
  reset: () => Promise<void>;
  /** Fires the conversation timers due now (after the clock moved); resolves when they have fired. */
  runTimers: () => Promise<void>;
};

/**
 * The customer-phone page calls the control API from the browser, on another origin than the
 * emulator's: any origin may (a local test tool without credentials).
 */
const CONTROL_CORS: CorsPolicy = { allowHeaders: ['Content-Type', 'Content-Disposition'] };

/**
 * The emulator's own control plane under `/emulator/v1/` (no auth: it is a local test tool): health,
 * reset, the clock, the built-in content templates, the Messaging Service's autocreation switch, and
 * the simulated carrier's customers' phones.
 */
export const emulatorControl: ProductRegistration = {
  product: {
    name: 'Emulator control API',
    host: null,
    mount: '',
    spec: { emulatorOnly: "the emulator's own controls (health, reset, clock, customers' phones), documented in emulator/README.md" },
  },
  defaults: { auth: 'none', body: 'form', cors: CONTROL_CORS },
  register(router, { core, carrier, blobs, controls }) {
    registerControlRoutes(router, core, controls);
    registerCarrierRoutes(router, carrier, blobs);
  },
};

const registerControlRoutes = (router: ProductRoutes, core: Core, hooks: ControlHooks) => {
  router.get(
    '/emulator/v1/Health',
    () =>
      json(200, {
        status: 'ok',
        account_sid: core.accountSid,
        default_service_sid: core.defaultServiceSid,
        numbers: core.numbers,
      })
  );
  router.post(
    '/emulator/v1/Reset',
    async () => {
      await hooks.reset();
      return json(200, { status: 'reset', default_service_sid: core.defaultServiceSid });
    }
  );

  const clockJson = () => ({ now: toTwilioDate(core.clock.now()), now_ms: core.clock.now(), offset_ms: core.clock.offset() });
  router.get('/emulator/v1/Clock', () => json(200, clockJson()));
  router.post(
    '/emulator/v1/Clock',
    async (req) => {
      const f = parse(ClockForm, req.form);
      if (f.Advance === undefined) throw invalidParam("Missing required parameter 'Advance' (an ISO 8601 duration, e.g. PT10M or P1D)");
      const seconds = parseDuration(f.Advance, 'Advance', 0);
      core.clock.advance(seconds * 1000);
      await hooks.runTimers();
      return json(200, clockJson());
    }
  );

  router.get(
    '/emulator/v1/Content',
    () =>
      json(200, {
        contents: CONTENT_TEMPLATES.map((t) => ({
          sid: t.sid,
          friendly_name: t.friendlyName,
          language: t.language,
          variables: t.variables,
          types: { 'twilio/text': { body: t.body } },
        })),
      })
  );

  const messagingServiceJson = () => ({
    sid: core.store.state.configuration.defaultMessagingServiceSid,
    inbound_autocreation: core.store.state.messagingService.inboundAutocreation,
  });
  router.get('/emulator/v1/MessagingService', () => json(200, messagingServiceJson()));
  router.post(
    '/emulator/v1/MessagingService',
    async (req) => {
      const f = parse(MessagingServiceForm, req.form);
      if (f.InboundAutocreation === undefined) throw invalidParam("Missing required parameter 'InboundAutocreation' (true or false)");
      await core.configuration.updateMessagingService({ inboundAutocreation: f.InboundAutocreation }, SYSTEM_ORIGIN);
      return json(200, messagingServiceJson());
    }
  );
};
