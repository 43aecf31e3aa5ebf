import type { ProductRegistration } from '../products';
import { registerConfigurationRoutes } from './routes/configuration';
import { registerConversationRoutes } from './routes/conversations';
import { registerConversationWebhookRoutes } from './routes/conversation-webhooks';
import { registerMessageRoutes } from './routes/messages';
import { registerParticipantConversationRoutes } from './routes/participant-conversations';
import { registerParticipantRoutes } from './routes/participants';
import { registerRoleRoutes } from './routes/roles';
import { registerServiceRoutes } from './routes/services';
import { registerUserRoutes } from './routes/users';

/** Twilio Conversations REST v1: every path of its OpenAPI description, for the `twilio` helper. */
export const conversationsV1: ProductRegistration = {
  product: { name: 'Conversations v1', host: 'conversations', mount: '', spec: { file: 'twilio_conversations_v1.json' } },
  defaults: { auth: 'account', body: 'form' },
  register(router, { core }) {
    registerConfigurationRoutes(router, core);
    registerServiceRoutes(router, core);
    registerConversationRoutes(router, core);
    registerParticipantRoutes(router, core);
    registerMessageRoutes(router, core);
    registerConversationWebhookRoutes(router, core);
    registerUserRoutes(router, core);
    registerRoleRoutes(router, core);
    registerParticipantConversationRoutes(router, core);
  },
};
