import { conversationService } from '@/lib/twilio/conversation-service';
import { twilioErrorOf } from '@/lib/twilio/twilio-errors';
import { QUEUE_IDENTITY } from './move-ownership';

/**
 * Takes an identity out of every conversation it takes part in, in Twilio — whatever the index
 * says, so nothing is missed. A group text's projected address is never removed (the customers
 * would lose the number they text): it passes to the queue's identity instead. Returns how many
 * conversations it left.
 */
export async function leaveAllConversations(identity: string): Promise<number> {
  const service = await conversationService();
  const joined = await service.participantConversations.list({ identity, limit: 1000 });
  let left = 0;
  for (const { conversationSid, participantSid, participantMessagingBinding } of joined) {
    const participant = service.conversations(conversationSid).participants(participantSid);
    try {
      if ((participantMessagingBinding as { projected_address?: string } | null)?.projected_address) await participant.update({ identity: QUEUE_IDENTITY });
      else await participant.remove();
      left++;
    } catch (error) {
      // Gone meanwhile (removed, or the conversation deleted): nothing left to do.
      if (twilioErrorOf(error).status !== 404) throw error;
    }
  }
  return left;
}
