import { describe, expect, it } from 'vitest';
import { listTraits, memoryProfileView } from './memory-profile-view';

describe('memory profile view', () => {
  it('lists grouped traits as group.name, values as text, long ones cut', () => {
    expect(listTraits({ contact: { name: 'Ada', vip: true }, orders: { last: { id: 7 } }, note: 'loose' })).toEqual([
      { name: 'contact.name', value: 'Ada' },
      { name: 'contact.vip', value: 'true' },
      { name: 'orders.last', value: '{"id":7}' },
      { name: 'note', value: 'loose' },
    ]);
    expect(listTraits({ bio: { text: 'x'.repeat(500) } })[0]?.value).toHaveLength(120);
    expect(listTraits(null)).toEqual([]);
  });

  it('shows nothing where Memory is not in use or never looked at; a link only with its ids', () => {
    const checkedAt = new Date('2026-12-03T10:00:00Z');
    const stored = { memoryStoreId: null, memoryProfileId: null, memoryTraits: null, memoryCheckedAt: checkedAt };
    expect(memoryProfileView({ ...stored, memoryLookup: null })).toBeNull();
    expect(memoryProfileView({ ...stored, memoryLookup: 'NOT_CONFIGURED' })).toBeNull();
    expect(memoryProfileView({ ...stored, memoryLookup: 'NONE' })).toEqual({ status: 'none', checkedAt: checkedAt.toISOString() });
    expect(memoryProfileView({ ...stored, memoryLookup: 'UNAVAILABLE' })).toEqual({ status: 'unavailable', checkedAt: checkedAt.toISOString() });
    expect(memoryProfileView({ ...stored, memoryLookup: 'LINKED', memoryStoreId: 'mem_store_1', memoryProfileId: 'mem_profile_1', memoryTraits: { a: { b: 'c' } } })).toEqual({
      status: 'linked',
      storeId: 'mem_store_1',
      profileId: 'mem_profile_1',
      traits: [{ name: 'a.b', value: 'c' }],
      checkedAt: checkedAt.toISOString(),
    });
  });
});
