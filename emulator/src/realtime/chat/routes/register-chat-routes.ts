import type { ProductRegistration } from '../../../products';
import { registerConfigurationRoutes } from './configuration-routes';
import { registerConversationRoutes } from './conversation-routes';
import { registerMessageRoutes } from './message-routes';
import { registerMyConversationsRoutes } from './my-conversations-routes';
import { registerParticipantRoutes } from './participant-routes';
import { registerTypingRoute } from './typing-route';
import { registerUserRoutes } from './user-routes';

/**
 * The Conversations SDK's own API ("aim"), which it reaches through twilsock: Configuration and
 * ContentTemplates, then whatever the links in Configuration name (their layout: `links.ts`).
 */
export const conversationsSdk: ProductRegistration = {
  product: {
    name: 'Conversations SDK API',
    host: 'aim',
    mount: '',
    spec: { emulatorOnly: "the SDK's private API, tunnelled through twilsock, described in emulator/docs/sdk-protocol.md" },
  },
  defaults: { auth: 'sdk-token', body: 'json' },
  register(router, { sdk }) {
    const deps = sdk.chat;
    registerConfigurationRoutes(router, deps);
    registerMyConversationsRoutes(router, deps);
    registerUserRoutes(router, deps);
    registerConversationRoutes(router, deps);
    registerMessageRoutes(router, deps);
    registerParticipantRoutes(router, deps);
    registerTypingRoute(router, deps);
  },
};
