import { z } from 'zod';
import { TwilioError } from '../../../domain/errors';
import { messageRemovePermissions, messageUpdatePermissions, sendMessagePermissions } from '../../../domain/sdk-permissions';
import { json, param } from '../../../http/route';
import type { ProductRoutes } from '../../../http/router';
import { chatRoute, joinedConversation, parseJsonBody, requirePermission, type ChatCaller, type ChatDeps } from './chat-route';
import { messageJson, receiptJson } from '../../../serializers/messages';

const ZCreate = z.object({
  body: z.string().nullable().optional(),
  attributes: z.string().optional(),
  media_sids: z.array(z.string()).optional(),
  subject: z.string().optional(),
  content_sid: z.string().optional(),
  content_variables: z.string().optional(),
});

const ZUpdate = z.object({ body: z.string().optional(), attributes: z.string().optional() });

/**
 * Messages over the chat API: send (text, media from MCS, content templates) by a
 * participant holding `sendMessage`/`sendMediaMessage`; edit body or attributes and delete by the
 * own/any permissions; detailed delivery receipts; channel metadata (never any: 50530).
 */
export function registerMessageRoutes(router: ProductRoutes, deps: ChatDeps): void {
  const base = '/Client/v2/Services/{ServiceSid}/Conversations/{Conversation}/Messages';

  router.post(
    base,
    chatRoute(deps, async (request, caller) => {
      const body = parseJsonBody(request, ZCreate);
      const { conversation } = joinedConversation(deps, caller, param(request, 'Conversation'));
      const mediaSids = body.media_sids ?? [];
      requirePermission(deps, caller, conversation, sendMessagePermissions(mediaSids.length > 0));
      const message = await deps.core.messages.addMessage(
        caller.serviceSid,
        conversation.sid,
        {
          author: caller.identity,
          // A null text arrives as "" — with media or a template that is "no body".
          body: body.body === null || (body.body === '' && (mediaSids.length > 0 || body.content_sid)) ? undefined : body.body,
          attributes: body.attributes,
          mediaSids,
          subject: body.subject,
          contentSid: body.content_sid,
          contentVariables: body.content_variables,
        },
        caller.origin,
      );
      // The SDK reads only `index`.
      return json(201, messageJson(message, deps.core.receipts.deliveryOf(message), caller.scope));
    }),
  );

  const findMessage = (deps: ChatDeps, caller: ChatCaller, conversationParam: string, messageSid: string) => {
    const { conversation } = joinedConversation(deps, caller, conversationParam);
    return { conversation, message: deps.core.lookup.getMessage(conversation, messageSid) };
  };

  router.post(
    `${base}/{Message}`,
    chatRoute(deps, async (request, caller) => {
      const body = parseJsonBody(request, ZUpdate);
      const { conversation, message } = findMessage(deps, caller, param(request, 'Conversation'), param(request, 'Message'));
      requirePermission(deps, caller, conversation, messageUpdatePermissions(caller, message, body));
      const updated = await deps.core.messages.updateMessage(
        caller.serviceSid,
        conversation.sid,
        message.sid,
        { body: body.body, attributes: body.attributes },
        caller.origin,
      );
      return json(200, messageJson(updated, deps.core.receipts.deliveryOf(updated), caller.scope));
    }),
  );

  router.delete(
    `${base}/{Message}`,
    chatRoute(deps, async (request, caller) => {
      const { conversation, message } = findMessage(deps, caller, param(request, 'Conversation'), param(request, 'Message'));
      requirePermission(deps, caller, conversation, messageRemovePermissions(caller, message));
      await deps.core.messages.removeMessage(caller.serviceSid, conversation.sid, message.sid, caller.origin);
      return json(200, {});
    }),
  );

  router.get(
    `${base}/{Message}/Receipts`,
    chatRoute(deps, (request, caller) => {
      const { message } = findMessage(deps, caller, param(request, 'Conversation'), param(request, 'Message'));
      const receipts = deps.core.store.recordsByIndex('receipts', 'byMessage', message.sid);
      // A message has at most 50 non-chat recipients (Limits page): one page holds them all.
      return json(200, { delivery_receipts: receipts.map((receipt) => receiptJson(receipt, caller.scope)), meta: { next_token: null, previous_token: null } });
    }),
  );

  router.get(
    `${base}/{Message}/ChannelMetadata`,
    chatRoute(deps, (request, caller) => {
      findMessage(deps, caller, param(request, 'Conversation'), param(request, 'Message'));
      // This body means "no channel metadata" to the SDK.
      throw new TwilioError(50530, 404, 'Channel metadata not found');
    }),
  );
}
