import { describe, expect, it } from 'vitest';
import type { MessageRecord } from '@/lib/conversations/view-records';
import { clientKeyOf, mergeOlder, upsertMessage } from './records';

const message = (index: number, body = `m${index}`): MessageRecord => ({
  sid: `IM${index}`,
  index,
  author: 'a',
  body,
  dateCreated: index,
  participantSid: null,
  media: [],
  delivery: null,
  clientKey: null,
});

describe('thread records', () => {
  it('appends, inserts out-of-order arrivals in place, and replaces updates', () => {
    let list = [message(1), message(3)];
    list = upsertMessage(list, message(4));
    list = upsertMessage(list, message(2));
    list = upsertMessage(list, message(0));
    list = upsertMessage(list, message(3, 'edited'));
    expect(list.map((m) => m.index)).toEqual([0, 1, 2, 3, 4]);
    expect(list[3]?.body).toBe('edited');
  });

  it('prepends older pages without duplicating what is already loaded', () => {
    expect(mergeOlder([message(5), message(6)], [message(3), message(4), message(5)]).map((m) => m.index)).toEqual([3, 4, 5, 6]);
  });

  it('reads the composer’s client key from attributes', () => {
    expect(clientKeyOf({ clientKey: 'k1', other: 1 })).toBe('k1');
    expect(clientKeyOf({ clientKey: 5 })).toBeNull();
    expect(clientKeyOf('text')).toBeNull();
  });
});
