import 'server-only';
import { AppError } from '@/lib/api/app-error';
import { db } from '@/lib/db/client';
import { listConfigurations } from '@/lib/orchestration/list-configurations';
import { listTwilioNumbers } from '@/lib/twilio/twilio-numbers';
import type { TBroadcastInput } from './broadcast-schemas';
import { parseRecipients } from './parse-recipients';

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
    // One statement for up to 10,000 rows (row-by-row inserts held the embedded database for
    // seconds); ids keep the list's order, which is the order they are sent in.
    await tx.$executeRaw`
      INSERT INTO "BroadcastRecipient" ("id", "broadcastId", "address", "name", "updatedAt")
      SELECT ${broadcast.id} || '-' || lpad(r.n::text, 5, '0'), ${broadcast.id}, r.address, r.name, now()
      FROM unnest(${recipients.map((r) => r.address)}::text[], ${recipients.map((r) => r.name)}::text[]) WITH ORDINALITY AS r(address, name, n)`;
    return { id: broadcast.id, total: recipients.length };
  });
}
