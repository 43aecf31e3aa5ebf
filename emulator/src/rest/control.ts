import { z } from 'zod';
import { toTwilioDate } from '../clock';
import { whatsappApprovalJson } from '../content/serialize';
import type { Core } from '../domain/core';
import { invalidParam } from '../domain/errors';
import { SYSTEM_ORIGIN } from '../domain/origin';
import { parseDate, parseDuration } from '../domain/validate';
import { registerCarrierRoutes } from '../carrier/routes';
import { json, param, type CorsPolicy } from '../http/route';
import type { ProductRoutes } from '../http/router';
import type { ProductRegistration } from '../products';
import { bool, parse, str } from './params';

const ClockForm = z.object({ Advance: str(), Now: str() });
const ApprovalDecisionForm = z.object({ Status: str(), RejectionReason: str() });
const MessagingServiceForm = z.object({ InboundAutocreation: bool() });

/** How far to move the clock so that it reads `value`: time never goes back, so an earlier instant is refused. */
const msUntil = (core: Core, value: string): number => {
  parseDate(value, 'Now');
  const target = Date.parse(value);
  const now = core.clock.now();
  if (target < now) throw invalidParam(`Parameter 'Now' must not be before the emulator's time (${toTwilioDate(now)}): time never goes back`);
  return target - now;
};

export type ControlHooks = {
  reset: () => Promise<void>;
  /** Fires the conversation timers due now (after the clock moved); resolves when they have fired. */
  runTimers: () => Promise<void>;
};

/**
 * The customer-phone page calls the control API from the browser, on the app's origin, not the
 * emulator's: only the configured control origins may (it has no credentials, so a page on any other
 * origin could otherwise text as a customer or read a phone's messages).
 */
const CONTROL_CORS: CorsPolicy = { origins: 'control', allowHeaders: ['Content-Type', 'Content-Disposition'] };

/**
 * The emulator's own control plane under `/emulator/v1/` (no auth: it is a local test tool): health,
 * reset, the clock, WhatsApp's verdict on a content template, the Messaging Service's autocreation switch, and
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
      if ((f.Advance === undefined) === (f.Now === undefined)) {
        throw invalidParam("Pass exactly one of 'Advance' (an ISO 8601 duration, e.g. PT10M or P1D) or 'Now' (an ISO 8601 date-time)");
      }
      core.clock.advance(f.Now === undefined ? parseDuration(f.Advance ?? '', 'Advance', 0) * 1000 : msUntil(core, f.Now));
      await hooks.runTimers();
      return json(200, clockJson());
    }
  );

  // WhatsApp's verdict on a submitted template, now rather than when the clock reaches it.
  router.post('/emulator/v1/Content/{Sid}/ApprovalRequests/whatsapp', async (req) => {
    const f = parse(ApprovalDecisionForm, req.form);
    if (f.Status !== 'approved' && f.Status !== 'rejected') throw invalidParam("Parameter 'Status' must be 'approved' or 'rejected'");
    const reason = f.Status === 'rejected' ? (f.RejectionReason ?? 'Rejected by the emulator control API') : '';
    const content = await core.contents.decideWhatsAppApproval(param(req, 'Sid'), { status: f.Status, rejectionReason: reason });
    return json(200, { sid: content.sid, whatsapp: whatsappApprovalJson(content, core.clock.now()) });
  });

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
