import { z } from 'zod';
import { zSafeText } from '@/lib/text/control-characters';

// Shared by the API (the boundary) and the contact panel's forms; no server imports here.

export const ZContactUpdate = z
  .object({
    name: zSafeText().trim().max(100).nullable().optional(),
    email: z.union([z.literal(''), z.string().trim().toLowerCase().email('Not an email address.').max(254)]).nullable().optional(),
    attributes: z.record(zSafeText().trim().min(1).max(40), zSafeText().trim().max(200)).refine((value) => Object.keys(value).length <= 30, 'At most 30 details.').optional(),
  })
  .strict();
export type TContactUpdate = z.infer<typeof ZContactUpdate>;

export const ZContactNote = z.object({ body: zSafeText().trim().min(1, 'Write the note.').max(4000, 'Keep notes under 4,000 characters.') }).strict();

export const ZMergeContacts = z.object({ otherContactId: z.string().min(1).max(40) }).strict();

export const ZContactLookup = z.object({ q: zSafeText().trim().min(2, 'Type at least two characters.').max(100) });

export type ContactTimelineEntry = {
  conversationSid: string;
  channel: 'sms' | 'whatsapp' | 'chat' | 'group';
  address: string | null;
  state: 'active' | 'inactive' | 'closed';
  assignee: string | null;
  createdAt: string;
  lastMessageAt: string | null;
  lastMessagePreview: string | null;
};

export type ContactNoteView = { id: string; body: string; authorName: string; createdAt: string };

/** One Memory trait as the panel lists it: `group.name` and its value as text. */
export type MemoryTraitView = { name: string; value: string };

/**
 * The customer's Conversations v2 Memory profile, as last looked up: linked (with its traits), none
 * found, or the lookup failing (said quietly). Null where no configuration names a Memory store.
 */
export type MemoryProfileView =
  | { status: 'linked'; storeId: string; profileId: string; traits: MemoryTraitView[]; checkedAt: string }
  | { status: 'none' | 'unavailable'; checkedAt: string };

export type ContactView = {
  id: string;
  name: string | null;
  email: string | null;
  attributes: Record<string, string>;
  addresses: { address: string; channel: 'sms' | 'whatsapp' | 'chat' | 'group' }[];
  notes: ContactNoteView[];
  /** Every conversation with this person, newest first: open and closed, any agent's. */
  timeline: ContactTimelineEntry[];
  /** The last merge into this contact that can still be undone. */
  undoableMergeId: string | null;
  memoryProfile: MemoryProfileView | null;
};

export type ContactSummary = { id: string; name: string | null; addresses: string[] };
