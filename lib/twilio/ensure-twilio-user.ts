import { syncTwilioUser } from './sync-twilio-user';

// Users this process has made sure of; a rename or role change syncs again on its own path.
const known = new Set<string>();

/**
 * Every message author on the team is named by their Twilio User in other agents' inboxes. A
 * supervisor writing through the server may never have opened the SDK (which creates it at the
 * token request): create or refresh it before their first message, once per process.
 */
export async function ensureTwilioUser(user: { id: string; name: string }): Promise<void> {
  if (known.has(user.id)) return;
  await syncTwilioUser({ identity: user.id, friendlyName: user.name, active: true });
  known.add(user.id);
}
