import { conversationService } from '@/lib/twilio/conversation-service';
import { switchboardRoleSids } from '@/lib/twilio/switchboard-roles';
import { twilioErrorOf } from '@/lib/twilio/twilio-errors';

const PARTICIPANT_EXISTS = 50433;

/** Who holds a group text's projected address while it waits in the queue. */
export const QUEUE_IDENTITY = 'switchboard-queue';

/**
 * Makes Twilio match a change of owner. A group text's business side is one projected
 * address: its participant's identity moves to the new owner, so the customers keep texting
 * the same number and never notice. Any other conversation: the new owner joins as a chat
 * participant, the old one leaves; history stays. Owners get the Switchboard Owner role: the
 * only way anyone gets to write in a conversation through their SDK token.
 */
export async function moveOwnershipInTwilio({ conversationSid, from, to }: { conversationSid: string; from: string | null; to: string | null }): Promise<void> {
  const conversation = (await conversationService()).conversations(conversationSid);
  const [participants, roles] = await Promise.all([conversation.participants.list({ limit: 1000 }), switchboardRoleSids()]);
  const projected = participants.find((participant) => (participant.messagingBinding as { projected_address?: string } | null)?.projected_address);
  if (projected) {
    const identity = to ?? QUEUE_IDENTITY;
    if (projected.identity !== identity) await conversation.participants(projected.sid).update({ identity, roleSid: roles.owner });
    return;
  }
  if (to) {
    try {
      await conversation.participants.create({ identity: to, roleSid: roles.owner });
    } catch (error) {
      if (twilioErrorOf(error).code !== PARTICIPANT_EXISTS) throw error;
    }
  }
  const leaving = from && from !== to ? participants.find((participant) => participant.identity === from) : undefined;
  if (leaving) await conversation.participants(leaving.sid).remove();
}
