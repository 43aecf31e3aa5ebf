import { notFound } from '../domain/errors';
import { durableWrites } from '../http/durable-writes';
import { json, param, type EdgeRequest } from '../http/route';
import { createSmsMessage, getSmsMessage, smsMessageJson } from '../orchestrator/messaging';
import type { ProductRegistration } from '../products';

/** Programmable Messaging's Message resource on `api.twilio.com` (2010-04-01): send and fetch text. */
export const programmableMessaging: ProductRegistration = {
  product: {
    name: 'Programmable Messaging',
    host: 'api',
    mount: '',
    spec: { emulatorOnly: 'Only the Message resource of the 2010-04-01 API (create and fetch, text only), so that bulk sends from the account’s numbers reach phones and Conversation Orchestrator captures them.' },
  },
  defaults: { auth: 'account', body: 'form' },
  register(productRoutes, { orchestrator, carrier, authToken }) {
    const ctx = orchestrator.ctx;
    const router = durableWrites(productRoutes, ctx.core.ctx.durable);
    const account = (req: EdgeRequest) => {
      if (param(req, 'AccountSid') !== ctx.core.accountSid) throw notFound(req.path);
    };
    router.post('/2010-04-01/Accounts/{AccountSid}/Messages.json', (req) => {
      account(req);
      return json(201, smsMessageJson(ctx.core.accountSid, createSmsMessage(ctx, { carrier, orchestrator, authToken }, req.form)));
    });
    router.get('/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}', (req) => {
      account(req);
      return json(200, smsMessageJson(ctx.core.accountSid, getSmsMessage(ctx, param(req, 'Sid').replace(/\.json$/, ''))));
    });
  },
};
