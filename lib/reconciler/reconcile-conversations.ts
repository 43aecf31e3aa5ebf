import { log } from '@/lib/observability/log';
import { findStrandedConversations } from './find-stranded-conversations';
import { type Repair, repairConversation } from './repair-conversation';

/**
 * One reconciler pass: every open conversation Twilio has that the index lacks or that nobody
 * owns or waits for is indexed and routed. `createdSince` limits the listing to recent
 * conversations (null: all of them). A conversation that cannot be repaired now is left for the
 * next pass; the others go on.
 */
export async function reconcileConversations({ now = new Date(), createdSince = null }: { now?: Date; createdSince?: Date | null } = {}): Promise<Repair[]> {
  const repairs: Repair[] = [];
  for (const conversationSid of await findStrandedConversations({ now, createdSince })) {
    try {
      const repair = await repairConversation(conversationSid, now);
      if (repair) repairs.push(repair);
    } catch (error) {
      log.error('reconciler.repair_failed', { conversationSid, error });
    }
  }
  return repairs;
}
