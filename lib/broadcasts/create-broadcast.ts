import 'server-only';
import { AppError } from '@/lib/api/app-error';
import { db } from '@/lib/db/client';
import { listConfigurations } from '@/lib/orchestration/list-configurations';
import { listTwilioNumbers } from '@/lib/twilio/twilio-numbers';
import type { TBroadcastInput } from './broadcast-schemas';
import { parseRecipients } from './parse-recipients';

const INSERT_CHUNK = 1_000;

/**
 * Records a broadcast and its recipients (nothing is sent yet). It must go from one of the
 * account's numbers that a Conversation Orchestrator configuration captures: otherwise replies
 * would reach no conversation and no agent.
 */
export async function createBroadcast({ input, createdById }: { input: TBroadcastInput; createdById: string }): Promise<{ id: string; total: number }> {
  if (!listTwilioNumbers().includes(input.fromNumber)) throw new AppError('invalid_request', `${input.fromNumber} is not one of the account's numbers.`);
  const configurations = await listConfigurations();
  const channel = input.fromNumber.startsWith('whatsapp:') ? 'WHATSAPP' : 'SMS';
  const captured = configurations.some((c) => c.captures[channel].some((address) => address === input.fromNumber || address === '*'));
  if (!captured) throw new AppError('invalid_request', `No Orchestration configuration captures ${input.fromNumber}: replies would reach nobody. Add one first.`);
  const recipients = parseRecipients(input.recipients, { whatsapp: channel === 'WHATSAPP' });
  return db.$transaction(async (tx) => {
    const broadcast = await tx.broadcast.create({
      data: { name: input.name, body: input.body, fromNumber: input.fromNumber, createdById, total: recipients.length },
    });
    for (let i = 0; i < recipients.length; i += INSERT_CHUNK) {
      await tx.broadcastRecipient.createMany({ data: recipients.slice(i, i + INSERT_CHUNK).map((r) => ({ broadcastId: broadcast.id, address: r.address, name: r.name })) });
    }
    return { id: broadcast.id, total: recipients.length };
  });
}
