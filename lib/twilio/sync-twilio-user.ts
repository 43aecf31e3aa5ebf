import { conversationService } from './conversation-service';
import { twilioErrorOf } from './twilio-errors';

/**
 * Every app user has a Twilio Conversations User (identity = the user's stable id) whose
 * friendlyName is their display name: that is the name other agents' SDKs show.
 */
export async function syncTwilioUser({ identity, friendlyName }: { identity: string; friendlyName: string }): Promise<void> {
  const service = await conversationService();
  try {
    await service.users(identity).update({ friendlyName });
  } catch (error) {
    if (twilioErrorOf(error).status !== 404) throw error;
    try {
      await service.users.create({ identity, friendlyName });
    } catch (createError) {
      // Created concurrently (another tab's token request): update it instead.
      if (twilioErrorOf(createError).status !== 409) throw createError;
      await service.users(identity).update({ friendlyName });
    }
  }
}

/** For admin changes: the database is the source of truth; the next token request retries. */
export async function syncTwilioUserQuietly(user: { identity: string; friendlyName: string }): Promise<void> {
  try {
    await syncTwilioUser(user);
  } catch (error) {
    console.warn(`Could not update the Twilio user ${user.identity}; it will be retried at their next token request.`, error);
  }
}
