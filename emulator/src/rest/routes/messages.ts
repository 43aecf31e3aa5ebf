import { z } from 'zod';
import type { Core } from '../../domain/core';
import { notFound } from '../../domain/errors';
import { getConversation, getMessage } from '../../domain/lookup';
import type { MessageRecord } from '../../store/records';
import { oneOf } from '../../domain/validate';
import { list, parse, str } from '../params';
import { both, fromTable, listResponse, param, scopeOf } from '../route-kit';
import type { ProductRoutes } from '../../http/router';
import { messageJson, receiptJson } from '../../serializers/messages';
import type { Scope } from '../../serializers/scope';
import { json, noContent } from '../../http/route';

const CreateForm = z.object({
  Author: str(),
  Body: str(),
  Attributes: str(),
  MediaSid: list(),
  ContentSid: str(),
  ContentVariables: str(),
  Subject: str(),
  DateCreated: str(),
  DateUpdated: str(),
});

const UpdateForm = z.object({
  Author: str(),
  Body: str(),
  Attributes: str(),
  Subject: str(),
  DateCreated: str(),
  DateUpdated: str(),
});

export const registerMessageRoutes = (router: ProductRoutes, core: Core) => {
  const base = '/Conversations/{ConversationSid}/Messages';
  const render = (m: MessageRecord, scope: Scope) =>
    messageJson(m, core.receipts.deliveryOf(m), scope);

  both(router, 'POST', base, async (req) => {
    const scope = scopeOf(core, req);
    const f = parse(CreateForm, req.form);
    const message = await core.messages.addMessage(
      scope.serviceSid,
      param(req, 'ConversationSid'),
      {
        author: f.Author,
        body: f.Body,
        attributes: f.Attributes,
        mediaSids: f.MediaSid,
        contentSid: f.ContentSid,
        contentVariables: f.ContentVariables,
        subject: f.Subject,
        dateCreated: f.DateCreated,
        dateUpdated: f.DateUpdated,
      },
      req.origin,
    );
    return json(201, render(message, scope));
  });

  both(router, 'GET', base, (req) => {
    const scope = scopeOf(core, req);
    const conversation = getConversation(core.ctx, scope.serviceSid, param(req, 'ConversationSid'));
    const order = oneOf(req.query.get('Order') ?? 'asc', ['asc', 'desc'] as const, 'Order');
    return listResponse(req, {
      key: 'messages',
      sids: core.store.byIndex('messages', 'byConversation', conversation.sid),
      ...fromTable(core, 'messages'),
      toJson: (m) => render(m, scope),
      order,
      filters: { Order: req.query.get('Order') ?? undefined },
    });
  });

  both(router, 'GET', `${base}/{Sid}`, (req) => {
    const scope = scopeOf(core, req);
    const conversation = getConversation(core.ctx, scope.serviceSid, param(req, 'ConversationSid'));
    return json(200, render(getMessage(core.ctx, conversation, param(req, 'Sid')), scope));
  });

  both(router, 'POST', `${base}/{Sid}`, async (req) => {
    const scope = scopeOf(core, req);
    const f = parse(UpdateForm, req.form);
    const message = await core.messages.updateMessage(
      scope.serviceSid,
      param(req, 'ConversationSid'),
      param(req, 'Sid'),
      {
        author: f.Author,
        body: f.Body,
        attributes: f.Attributes,
        subject: f.Subject,
        dateCreated: f.DateCreated,
        dateUpdated: f.DateUpdated,
      },
      req.origin,
    );
    return json(200, render(message, scope));
  });

  both(router, 'DELETE', `${base}/{Sid}`, async (req) => {
    const scope = scopeOf(core, req);
    await core.messages.removeMessage(scope.serviceSid, param(req, 'ConversationSid'), param(req, 'Sid'), req.origin);
    return noContent();
  });

  const receipts = `${base}/{MessageSid}/Receipts`;
  const messageOf = (req: Parameters<typeof scopeOf>[1]) => {
    const scope = scopeOf(core, req);
    const conversation = getConversation(core.ctx, scope.serviceSid, param(req, 'ConversationSid'));
    return { scope, message: getMessage(core.ctx, conversation, param(req, 'MessageSid')) };
  };

  both(router, 'GET', receipts, (req) => {
    const { scope, message } = messageOf(req);
    return listResponse(req, {
      key: 'delivery_receipts',
      sids: core.store.byIndex('receipts', 'byMessage', message.sid),
      ...fromTable(core, 'receipts'),
      toJson: (r) => receiptJson(r, scope),
    });
  });

  both(router, 'GET', `${receipts}/{Sid}`, (req) => {
    const { scope, message } = messageOf(req);
    const receipt = core.store.get('receipts', param(req, 'Sid'));
    if (!receipt || receipt.messageSid !== message.sid) throw notFound(`${req.path}`);
    return json(200, receiptJson(receipt, scope));
  });
};
