import type { MemoryProfileView, MemoryTraitView } from './contact-schemas';

// What the panel shows of a profile: a compact list, not the whole document.
const MAX_TRAITS = 20;
const MAX_VALUE_LENGTH = 120;

type StoredLookup = {
  memoryLookup: 'LINKED' | 'NONE' | 'NOT_CONFIGURED' | 'UNAVAILABLE' | null;
  memoryStoreId: string | null;
  memoryProfileId: string | null;
  memoryTraits: unknown;
  memoryCheckedAt: Date | null;
};

const asText = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
};

/** Memory's traits are grouped (`{ contact: { name: 'Ada' } }`): listed as `contact.name: Ada`. */
export function listTraits(traits: unknown): MemoryTraitView[] {
  if (typeof traits !== 'object' || traits === null) return [];
  const out: MemoryTraitView[] = [];
  for (const [group, values] of Object.entries(traits)) {
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      out.push({ name: group, value: asText(values) });
      continue;
    }
    for (const [name, value] of Object.entries(values)) out.push({ name: `${group}.${name}`, value: asText(value) });
  }
  return out.slice(0, MAX_TRAITS);
}

/** The contact's stored lookup as the panel reads it; null where Memory is not in use (or never looked at). */
export function memoryProfileView(stored: StoredLookup): MemoryProfileView | null {
  const { memoryLookup: lookup, memoryCheckedAt: checkedAt } = stored;
  if (!lookup || !checkedAt || lookup === 'NOT_CONFIGURED') return null;
  if (lookup === 'LINKED' && stored.memoryStoreId && stored.memoryProfileId) {
    return { status: 'linked', storeId: stored.memoryStoreId, profileId: stored.memoryProfileId, traits: listTraits(stored.memoryTraits), checkedAt: checkedAt.toISOString() };
  }
  return { status: lookup === 'UNAVAILABLE' ? 'unavailable' : 'none', checkedAt: checkedAt.toISOString() };
}
