import { z } from 'zod';
import { conversationUpdatePermissions } from '../../../domain/sdk-permissions';
import { json, param } from '../../../http/route';
import type { ProductRoutes } from '../../../http/router';
import { chatRoute, parseJsonBody, requirePermission, visibleConversation, type ChatDeps } from './chat-route';
import { userConversationReply } from './my-conversations-routes';
import { conversationJson } from '../../../serializers/conversations';
import { conversationSyncObjects } from './sync-objects';

const ZCreate = z.object({
  friendly_name: z.string().optional(),
  unique_name: z.string().optional(),
  attributes: z.string().optional(),
  access: z.string().optional(),
});

const ZUpdate = z.object({
  friendly_name: z.string().nullable().optional(),
  unique_name: z.string().nullable().optional(),
  attributes: z.string().optional(),
  state: z.enum(['active', 'inactive', 'closed']).optional(),
});

/**
 * Conversations over the chat API: create (not joined: the SDK calls `join()`),
 * fetch (peek, `getConversationBySid` of one the user is not in), update name/unique name/attributes
 * by role permission, delete, and message recipients (email only, so always empty here).
 */
export function registerConversationRoutes(router: ProductRoutes, deps: ChatDeps): void {
  const base = '/Client/v2/Services/{ServiceSid}/Conversations';

  router.post(
    base,
    chatRoute(deps, async (request, caller) => {
      const body = parseJsonBody(request, ZCreate);
      requirePermission(deps, caller, null, ['createConversation']);
      const conversation = await deps.core.conversations.createConversation(
        caller.serviceSid,
        { friendlyName: body.friendly_name, uniqueName: body.unique_name, attributes: body.attributes },
        caller.origin,
      );
      // The SDK opens the document `sync_objects` names right after creating.
      const syncObjects = conversationSyncObjects(deps.projector.ensureConversation(conversation));
      return json(201, { ...conversationJson(conversation, caller.scope), sync_objects: syncObjects });
    }),
  );

  router.get(
    `${base}/{Conversation}`,
    chatRoute(deps, (request, caller) => userConversationReply(deps, caller, param(request, 'Conversation'))),
  );

  router.post(
    `${base}/{Conversation}`,
    chatRoute(deps, async (request, caller) => {
      const body = parseJsonBody(request, ZUpdate);
      const current = visibleConversation(deps, caller, param(request, 'Conversation'));
      requirePermission(
        deps,
        caller,
        current,
        conversationUpdatePermissions({ attributes: body.attributes, friendlyName: body.friendly_name, uniqueName: body.unique_name, state: body.state }),
      );
      const conversation = await deps.core.conversations.updateConversation(
        caller.serviceSid,
        current.sid,
        {
          // A null name from the SDK empties it; a unique name, once set, can only be replaced.
          friendlyName: body.friendly_name === null ? '' : body.friendly_name,
          uniqueName: body.unique_name ?? undefined,
          attributes: body.attributes,
          state: body.state,
        },
        caller.origin,
      );
      const syncObjects = conversationSyncObjects(deps.projector.ensureConversation(conversation));
      return json(200, { ...conversationJson(conversation, caller.scope), sync_objects: syncObjects });
    }),
  );

  router.delete(
    `${base}/{Conversation}`,
    chatRoute(deps, async (request, caller) => {
      const conversation = visibleConversation(deps, caller, param(request, 'Conversation'));
      requirePermission(deps, caller, conversation, ['deleteConversation']);
      await deps.core.conversations.deleteConversation(caller.serviceSid, conversation.sid, caller.origin);
      return json(200, {});
    }),
  );

  router.get(
    `${base}/{Conversation}/MessageRecipients`,
    chatRoute(deps, (request, caller) => {
      visibleConversation(deps, caller, param(request, 'Conversation'));
      // Recipients are email participants; email is not emulated, so there are none.
      return json(200, { message_recipients: [], meta: { next_token: null, previous_token: null } });
    }),
  );
}
