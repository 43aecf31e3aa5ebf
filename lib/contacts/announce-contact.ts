import type { Prisma } from '@/lib/db/generated/client';
import { EVERYONE } from '@/lib/live/audiences';
import { publishLiveEvent } from '@/lib/live/publish-live-event';

/**
 * A contact changed (name, details, notes, a merge): every screen naming them follows. The
 * payload is an id; a screen fetches the contact through the API, which checks who may see it.
 */
export function announceContactChange(contactIds: string[], tx: Prisma.TransactionClient): Promise<void> {
  return publishLiveEvent({ kind: 'contact.updated', data: { contactIds }, audience: EVERYONE, tx });
}
