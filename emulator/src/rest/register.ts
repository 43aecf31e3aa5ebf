import type { Core } from '../domain/core';
import { registerConfigurationRoutes } from './routes/configuration';
import { registerConversationRoutes } from './routes/conversations';
import { registerConversationWebhookRoutes } from './routes/conversation-webhooks';
import { registerMessageRoutes } from './routes/messages';
import { registerParticipantConversationRoutes } from './routes/participant-conversations';
import { registerParticipantRoutes } from './routes/participants';
import { registerRoleRoutes } from './routes/roles';
import { registerServiceRoutes } from './routes/services';
import { registerUserRoutes } from './routes/users';
import type { Router } from './router';

/** All 49 paths of Twilio's Conversations v1 spec. */
export const registerConversationsV1 = (router: Router, core: Core) => {
  registerConfigurationRoutes(router, core);
  registerServiceRoutes(router, core);
  registerConversationRoutes(router, core);
  registerParticipantRoutes(router, core);
  registerMessageRoutes(router, core);
  registerConversationWebhookRoutes(router, core);
  registerUserRoutes(router, core);
  registerRoleRoutes(router, core);
  registerParticipantConversationRoutes(router, core);
};
