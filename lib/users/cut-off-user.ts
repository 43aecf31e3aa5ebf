import { leaveAllConversations } from '@/lib/routing/leave-all-conversations';
import { releaseConversationsOf } from '@/lib/routing/release-conversations';
import { syncTwilioUser } from '@/lib/twilio/sync-twilio-user';

/**
 * Disabling takes effect now, not when a token expires: their Twilio User loses every write
 * permission, their conversations go back to the queue, and they leave every conversation in
 * Twilio — so the token their browser still holds can no longer write anywhere (the pre-action
 * webhook refuses a disabled identity too). The caller offers the queue afterwards.
 */
export async function cutOffUser(user: { id: string; name: string }): Promise<void> {
  await syncTwilioUser({ identity: user.id, friendlyName: user.name, active: false });
  await releaseConversationsOf(user.id);
  await leaveAllConversations(user.id);
}
