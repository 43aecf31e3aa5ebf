import { listContents } from '../../../domain/contents';
import { json } from '../../../http/route';
import type { ProductRoutes } from '../../../http/router';
import { chatRoute, type ChatDeps } from './chat-route';

/** Attachment limits the SDK's MessageBuilder enforces before sending (Limits page: 10 media, 16 MB). */
const MEDIA_OPTIONS = {
  media_attachments_count_limit: 10,
  media_attachment_size_limit_in_mb: 16,
  media_attachments_total_size_limit_in_mb: 32,
};

/**
 * `GET /Client/v2/Configuration` and `GET /Client/v2/ContentTemplates`: the only two
 * relative aim URLs; everything else the SDK reaches through the absolute links returned here.
 */
export function registerConfigurationRoutes(router: ProductRoutes, deps: ChatDeps): void {
  router.get(
    '/Client/v2/Configuration',
    chatRoute(deps, async (_request, caller) => {
      // Twilio creates the User of an identity that connects (User Identity page); the SDK needs its
      // user-info map to exist or initialisation fails.
      await deps.core.users.ensureUser(caller.serviceSid, caller.identity, caller.origin);
      const objects = deps.projector.ensureUser(caller.serviceSid, caller.identity);
      const links = caller.links;
      return json(200, {
        options: {
          consumption_report_interval: 'PT5S',
          user_infos_to_subscribe: 100,
          reachability_enabled: caller.service.configuration.reachabilityEnabled,
          http_cache_interval: 'PT5S',
          my_conversations_page_size: 100,
          ...MEDIA_OPTIONS,
          // MessageBuilder.build() reads these arrays; email is not emulated.
          email_histories_allowed_mime_types: ['text/plain'],
          email_bodies_allowed_mime_types: ['text/plain'],
        },
        sync_objects: { my_conversations: objects.conversations, my_user_info: objects.info },
        links: {
          my_conversations: links.myConversations,
          conversations: links.conversations,
          users: links.users,
          current_user: links.currentUser,
          typing: links.typing,
          media_service: links.mediaService,
          media_set_service: links.mediaSetService,
          messages_receipts: links.messagesReceipts,
        },
        identity: caller.identity,
        url: links.configuration,
      });
    }),
  );

  router.get(
    '/Client/v2/ContentTemplates',
    chatRoute(deps, () =>
      json(200, {
        // The account's Content API resources, the same ones `content.twilio.com/v1/Content` lists.
        templates: listContents(deps.core.ctx).map((t) => ({
          sid: t.sid,
          account_sid: deps.core.accountSid,
          friendly_name: t.friendlyName,
          variables: JSON.stringify(t.variables),
          variants: t.types,
          date_created: t.dateCreated,
          date_updated: t.dateUpdated,
        })),
        // The SDK loops `while (nextToken !== null)`; a missing token would loop forever.
        meta: { next_token: null },
      }),
    ),
  );
}
