import type { UpstreamRouter } from '../../upstream/router';
import type { ChatDeps } from './chat-route';
import { registerConfigurationRoutes } from './configuration-routes';
import { registerConversationRoutes } from './conversation-routes';
import { registerMessageRoutes } from './message-routes';
import { registerMyConversationsRoutes } from './my-conversations-routes';
import { registerParticipantRoutes } from './participant-routes';
import { registerPushRegistrationRoutes } from './push-registration-routes';
import { registerTypingRoute } from './typing-route';
import { registerUserRoutes } from './user-routes';

/** The chat ("aim") API the SDK reaches through twilsock (§4.2, §9). Layout: `links.ts`. */
export function registerChatRoutes(router: UpstreamRouter, deps: ChatDeps): void {
  registerConfigurationRoutes(router, deps);
  // Users/Me/Conversations before Users/:identity: the first matching route wins.
  registerMyConversationsRoutes(router, deps);
  registerUserRoutes(router, deps);
  registerConversationRoutes(router, deps);
  registerMessageRoutes(router, deps);
  registerParticipantRoutes(router, deps);
  registerTypingRoute(router, deps);
  registerPushRegistrationRoutes(router, deps);
}
