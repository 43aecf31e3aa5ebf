import { invalidParam } from '../../../domain/errors';
import { json } from '../../../http/route';
import type { ProductRoutes } from '../../../http/router';
import { chatRoute, joinedConversation, type ChatDeps } from './chat-route';

const TYPING_INDICATOR = 'twilio.ipmsg.typing_indicator';

/**
 * `conversation.typing()`: a participant says it is typing; the other participants' connections
 * get a `twilio.ipmsg.typing_indicator` notification. Only participants' connections in the
 * same service receive it: a `channel_sid` the SDK cannot resolve crashes it with an unhandled
 * rejection, while a participant resolves it from its own conversations map (the handler waits
 * for that list to be read), loaded or not. Never to the typist's own connections.
 */
export function registerTypingRoute(router: ProductRoutes, deps: ChatDeps): void {
  router.post(
    '/Client/v2/Services/{ServiceSid}/Typing',
    chatRoute(deps, (request, caller) => {
      const channelSid = request.form.get('ChannelSid');
      if (!channelSid) throw invalidParam("Missing required parameter 'ChannelSid'");
      const { conversation } = joinedConversation(deps, caller, channelSid);
      const payload = { channel_sid: conversation.sid, identity: caller.identity, typing_timeout: deps.typingTimeoutSeconds };
      const others = deps.core.lookup
        .participantsOf(conversation.sid)
        .map((participant) => participant.identity)
        .filter((identity): identity is string => identity !== null && identity !== caller.identity);
      deps.twilsock.notifyIdentity(others, TYPING_INDICATOR, payload, { chatServiceSid: caller.serviceSid });
      // The reply must be a JSON object; typing_timeout becomes the client's resend throttle.
      return json(200, { typing_timeout: deps.typingTimeoutSeconds });
    }),
    { body: 'form' },
  );
}
