import 'server-only';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import type { ConversationChannel } from '@/lib/db/generated/enums';
import { log } from '@/lib/observability/log';
import { twilioErrorOf } from '@/lib/twilio/twilio-errors';
import { announceContactChange } from './announce-contact';
import type { MemoryProfileView } from './contact-schemas';
import { type FoundMemoryProfile, findMemoryProfile, type MemoryIdentifier } from './find-memory-profile';
import { memoryProfileView } from './memory-profile-view';

// A link, once made, stays until someone refreshes it. Finding none is asked again after a
// while (a profile may be made meanwhile — GROUP_BY_PROFILE makes one on a first message), and a
// failed lookup sooner; in between the panel reads what is stored and Twilio is not asked.
const ASK_AGAIN_AFTER_MS = { NONE: 5 * 60_000, NOT_CONFIGURED: 5 * 60_000, UNAVAILABLE: 60_000 } as const;

const STORED = { memoryLookup: true, memoryStoreId: true, memoryProfileId: true, memoryTraits: true, memoryCheckedAt: true } as const;
type Stored = Prisma.ContactGetPayload<{ select: typeof STORED }>;

const IDENTIFIER_TYPES: Partial<Record<ConversationChannel, MemoryIdentifier['idType']>> = { SMS: 'phone', WHATSAPP: 'whatsapp' };

function identifiersOf(contact: { email: string | null; addresses: { address: string; channel: ConversationChannel }[] }): MemoryIdentifier[] {
  const identifiers = contact.addresses.flatMap(({ address, channel }) => {
    const idType = IDENTIFIER_TYPES[channel];
    return idType ? [{ idType, value: address }] : [];
  });
  return contact.email ? [...identifiers, { idType: 'email', value: contact.email }] : identifiers;
}

function isDue(stored: Stored, now: Date): boolean {
  if (!stored.memoryLookup || !stored.memoryCheckedAt) return true;
  if (stored.memoryLookup === 'LINKED') return false;
  return now.getTime() - stored.memoryCheckedAt.getTime() >= ASK_AGAIN_AFTER_MS[stored.memoryLookup];
}

function toStored(found: FoundMemoryProfile | { lookup: 'UNAVAILABLE' }, now: Date): Stored {
  return found.lookup === 'LINKED'
    ? { memoryLookup: 'LINKED', memoryStoreId: found.storeId, memoryProfileId: found.profileId, memoryTraits: found.traits as Prisma.JsonObject, memoryCheckedAt: now }
    : { memoryLookup: found.lookup, memoryStoreId: null, memoryProfileId: null, memoryTraits: null, memoryCheckedAt: now };
}

const sameLink = (a: Stored, b: Stored) =>
  a.memoryLookup === b.memoryLookup && a.memoryProfileId === b.memoryProfileId && JSON.stringify(a.memoryTraits) === JSON.stringify(b.memoryTraits);

/**
 * Links a contact to their Conversations v2 Memory profile — looked up by their phone, WhatsApp
 * and email in the stores the orchestration configurations use — when it is due (or `force`d: an
 * agent's refresh), and returns what the panel shows. Never throws for Memory's sake: a lookup
 * that fails is stored as such and the contact reads as before. Callers check who may see it.
 */
export async function linkMemoryProfile({ contactId, force = false, now = new Date() }: { contactId: string; force?: boolean; now?: Date }): Promise<MemoryProfileView | null> {
  const contact = await db.contact.findUniqueOrThrow({
    where: { id: contactId },
    select: { ...STORED, email: true, updatedAt: true, addresses: { select: { address: true, channel: true }, orderBy: { createdAt: 'asc' } } },
  });
  if (!force && !isDue(contact, now)) return memoryProfileView(contact);
  const found = await findMemoryProfile(identifiersOf(contact)).catch((error: unknown) => {
    // Not the error itself: the HTTP client's request (credentials included) hangs off it.
    const { status, code, message } = twilioErrorOf(error);
    log.warn('contacts.memory_lookup_failed', { contactId, status, code: code ?? (error as { code?: unknown }).code, message });
    return { lookup: 'UNAVAILABLE' as const };
  });
  // A link stays until Twilio answers otherwise: an outage does not unlink anyone.
  if (found.lookup === 'UNAVAILABLE' && contact.memoryLookup === 'LINKED') return memoryProfileView(contact);
  const next = toStored(found, now);
  await db.$transaction(async (tx) => {
    // Not an edit by the team: the contact's updatedAt (recent contacts first) stays.
    await tx.contact.update({ where: { id: contactId }, data: { ...next, memoryTraits: next.memoryTraits ?? Prisma.DbNull, updatedAt: contact.updatedAt } });
    // Other screens showing the person follow a change (not a lookup that found the same again).
    if (!sameLink(contact, next)) await announceContactChange([contactId], tx);
  });
  return memoryProfileView(next);
}
