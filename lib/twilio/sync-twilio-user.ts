import { conversationService } from './conversation-service';
import { switchboardRoleSids } from './switchboard-roles';
import { twilioErrorOf } from './twilio-errors';

type TwilioUser = { identity: string; friendlyName: string; active: boolean };

/**
 * Every app user has a Twilio Conversations User (identity = the user's stable id) whose
 * friendlyName is their display name — the name other agents' SDKs show — and whose service
 * role is Switchboard Staff, or Switchboard Disabled once disabled (no write permission).
 */
export async function syncTwilioUser({ identity, friendlyName, active }: TwilioUser): Promise<void> {
  const service = await conversationService();
  const roles = await switchboardRoleSids();
  const fields = { friendlyName, roleSid: active ? roles.staff : roles.disabled };
  try {
    await service.users(identity).update(fields);
  } catch (error) {
    if (twilioErrorOf(error).status !== 404) throw error;
    try {
      await service.users.create({ identity, ...fields });
    } catch (createError) {
      // Created concurrently (another tab's token request): update it instead.
      if (twilioErrorOf(createError).status !== 409) throw createError;
      await service.users(identity).update(fields);
    }
  }
}

/** For admin changes: the database is the source of truth; the next token request retries. */
export async function syncTwilioUserQuietly(user: TwilioUser): Promise<void> {
  try {
    await syncTwilioUser(user);
  } catch (error) {
    console.warn(`Could not update the Twilio user ${user.identity}; it will be retried at their next token request.`, error);
  }
}
