import { encodeNotification } from '../../twilsock/connection';
import type { UpstreamRouter } from '../../upstream/router';
import { TwilioError } from '../../../domain/errors';
import { chatRoute, joinedConversation, ok, type ChatDeps } from './chat-route';

export const TYPING_INDICATOR = 'twilio.ipmsg.typing_indicator';

/**
 * `conversation.typing()` (§9.4): a participant says it is typing; the other participants' connections
 * get a `twilio.ipmsg.typing_indicator` notification (§6.3). Only participants' connections in the
 * same service receive it: a `channel_sid` the SDK cannot resolve crashes it with an unhandled
 * rejection (§6.3), while a participant resolves it from its own conversations map (the handler waits
 * for that list to be read), loaded or not. Never to the typist's own connections.
 */
export function registerTypingRoute(router: UpstreamRouter, deps: ChatDeps): void {
  router.add(
    'POST',
    '/Client/v2/Services/:serviceSid/Typing',
    chatRoute(deps, (request, caller) => {
      const channelSid = request.body.kind === 'form' ? request.body.value.ChannelSid : undefined;
      if (!channelSid) throw new TwilioError(20001, 400, "Missing required parameter 'ChannelSid'");
      const { conversation } = joinedConversation(deps, caller, channelSid);
      const payload = { channel_sid: conversation.sid, identity: caller.identity, typing_timeout: deps.typingTimeoutSeconds };
      let frame: Buffer | null = null;
      for (const participant of deps.core.store.recordsByIndex('participants', 'byConversation', conversation.sid)) {
        if (participant.identity === null || participant.identity === caller.identity) continue;
        for (const connection of deps.twilsock.registry.connectionsOf(participant.identity)) {
          if (!connection.isOpen || !connection.accepts(TYPING_INDICATOR)) continue;
          if (connection.claims?.chatServiceSid !== caller.serviceSid) continue;
          frame ??= encodeNotification(TYPING_INDICATOR, payload);
          connection.sendFrame(frame);
        }
      }
      // §9.4: the reply must be a JSON object; typing_timeout becomes the client's resend throttle.
      return ok({ typing_timeout: deps.typingTimeoutSeconds });
    }),
  );
}
