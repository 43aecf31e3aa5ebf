import { z } from 'zod';
import type { MessageRecord } from '../../../store/records';
import { TwilioError } from '../../../domain/errors';
import { ok, param } from '../../upstream/route-helpers';
import type { UpstreamRouter } from '../../upstream/router';
import { chatRoute, joinedConversation, parseJsonBody, requirePermission, type Caller, type ChatDeps } from './chat-route';
import { messageJson, receiptJson } from './serializers';

const ZCreate = z.object({
  body: z.string().nullable().optional(),
  attributes: z.string().optional(),
  media_sids: z.array(z.string()).optional(),
  subject: z.string().optional(),
  content_sid: z.string().optional(),
  content_variables: z.string().optional(),
});

const ZUpdate = z.object({ body: z.string().optional(), attributes: z.string().optional() });

/** Own or any: the permission pair of the Role resource page that applies to this message. */
const ownOrAny = (caller: Caller, message: MessageRecord, own: string, any: string) => (message.author === caller.identity ? own : any);

/**
 * Messages over the chat API (§9.1, §9.2, §9.8): send (text, media from MCS, content templates) by a
 * participant holding `sendMessage`/`sendMediaMessage`; edit body or attributes and delete by the
 * own/any permissions; detailed delivery receipts; channel metadata (never any: 50530).
 */
export function registerMessageRoutes(router: UpstreamRouter, deps: ChatDeps): void {
  const base = '/Client/v2/Services/:serviceSid/Conversations/:conversation/Messages';

  router.add(
    'POST',
    base,
    chatRoute(deps, async (request, caller) => {
      const body = parseJsonBody(request, ZCreate);
      const { conversation } = joinedConversation(deps, caller, param(request, 'conversation'));
      requirePermission(deps, caller, conversation, 'sendMessage');
      const mediaSids = body.media_sids ?? [];
      if (mediaSids.length > 0) requirePermission(deps, caller, conversation, 'sendMediaMessage');
      const message = await deps.core.messages.addMessage(
        caller.serviceSid,
        conversation.sid,
        {
          author: caller.identity,
          // §9.1: a null text arrives as "" — with media or a template that is "no body".
          body: body.body === null || (body.body === '' && (mediaSids.length > 0 || body.content_sid)) ? undefined : body.body,
          attributes: body.attributes,
          mediaSids,
          subject: body.subject,
          contentSid: body.content_sid,
          contentVariables: body.content_variables,
        },
        caller.origin,
      );
      // §9.1: the SDK reads only `index`.
      return ok(messageJson(deps.core, caller.links, message), 201);
    }),
  );

  const findMessage = (deps: ChatDeps, caller: Caller, conversationParam: string, messageSid: string) => {
    const { conversation } = joinedConversation(deps, caller, conversationParam);
    return { conversation, message: deps.core.lookup.getMessage(conversation, messageSid) };
  };

  router.add(
    'POST',
    `${base}/:message`,
    chatRoute(deps, async (request, caller) => {
      const body = parseJsonBody(request, ZUpdate);
      const { conversation, message } = findMessage(deps, caller, param(request, 'conversation'), param(request, 'message'));
      if (body.body !== undefined) requirePermission(deps, caller, conversation, ownOrAny(caller, message, 'editOwnMessage', 'editAnyMessage'));
      if (body.attributes !== undefined) {
        requirePermission(deps, caller, conversation, ownOrAny(caller, message, 'editOwnMessageAttributes', 'editAnyMessageAttributes'));
      }
      const updated = await deps.core.messages.updateMessage(
        caller.serviceSid,
        conversation.sid,
        message.sid,
        { body: body.body, attributes: body.attributes },
        caller.origin,
      );
      return ok(messageJson(deps.core, caller.links, updated));
    }),
  );

  router.add(
    'DELETE',
    `${base}/:message`,
    chatRoute(deps, async (request, caller) => {
      const { conversation, message } = findMessage(deps, caller, param(request, 'conversation'), param(request, 'message'));
      requirePermission(deps, caller, conversation, ownOrAny(caller, message, 'deleteOwnMessage', 'deleteAnyMessage'));
      await deps.core.messages.removeMessage(caller.serviceSid, conversation.sid, message.sid, caller.origin);
      return ok({});
    }),
  );

  router.add(
    'GET',
    `${base}/:message/Receipts`,
    chatRoute(deps, (request, caller) => {
      const { message } = findMessage(deps, caller, param(request, 'conversation'), param(request, 'message'));
      const receipts = deps.core.store.recordsByIndex('receipts', 'byMessage', message.sid);
      // A message has at most 50 non-chat recipients (Limits page): one page holds them all.
      return ok({ delivery_receipts: receipts.map(receiptJson), meta: { next_token: null, previous_token: null } });
    }),
  );

  router.add(
    'GET',
    `${base}/:message/ChannelMetadata`,
    chatRoute(deps, (request, caller) => {
      findMessage(deps, caller, param(request, 'conversation'), param(request, 'message'));
      // §9.8: this body means "no channel metadata" to the SDK (conv:8349).
      throw new TwilioError(50530, 404, 'Channel metadata not found');
    }),
  );
}
