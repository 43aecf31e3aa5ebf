import type { ConversationChannel } from '@/lib/db/generated/enums';
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
 * only way anyone gets to write in a conversation through their SDK token. `channel` is what the
 * index knows: a 1:1 text (SMS, WhatsApp) has no projected address, so its first owner joins
 * without Twilio being asked who is there — one request instead of two for every new conversation.
 */
export async function moveOwnershipInTwilio({ conversationSid, from, to, channel }: { conversationSid: string; from: string | null; to: string | null; channel?: ConversationChannel }): Promise<void> {
  const conversation = (await conversationService()).conversations(conversationSid);
  const join = async (identity: string, ownerRole: string) => {
    try {
      await conversation.participants.create({ identity, roleSid: ownerRole });
    } catch (error) {
      if (twilioErrorOf(error).code !== PARTICIPANT_EXISTS) throw error;
    }
  };
  if (!from && to && (channel === 'SMS' || channel === 'WHATSAPP')) return join(to, (await switchboardRoleSids()).owner);
  const [participants, roles] = await Promise.all([conversation.participants.list({ limit: 1000 }), switchboardRoleSids()]);
  const projected = participants.find((participant) => (participant.messagingBinding as { projected_address?: string } | null)?.projected_address);
  if (projected) {
    const identity = to ?? QUEUE_IDENTITY;
    if (projected.identity !== identity) await conversation.participants(projected.sid).update({ identity, roleSid: roles.owner });
    return;
  }
  if (to) await join(to, roles.owner);
  const leaving = from && from !== to ? participants.find((participant) => participant.identity === from) : undefined;
  if (leaving) await conversation.participants(leaving.sid).remove();
}
