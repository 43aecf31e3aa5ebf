import { AppError } from '@/lib/api/app-error';
import type { CurrentUser } from '@/lib/auth/current-user';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { conversationService } from '@/lib/twilio/conversation-service';

type TwilioRestError = { status?: number };

/** Supervisors may act on any conversation; agents only on those they take part in. */
export async function assertCanWrite(user: CurrentUser, conversationSid: string): Promise<void> {
  if ((SUPERVISOR_ROLES as readonly string[]).includes(user.role)) return;
  const service = await conversationService();
  try {
    const participants = await service.conversations(conversationSid).participants.list({ limit: 1000 });
    if (participants.some((participant) => participant.identity === user.id)) return;
  } catch (error) {
    if ((error as TwilioRestError).status === 404) throw new AppError('not_found', 'No such conversation.');
    throw error;
  }
  throw new AppError('forbidden', 'Only the agent working this conversation (or a supervisor) can do that.');
}
