import { describe, expect, it } from 'vitest';
import type { MessageRecord } from '@/lib/inbox/inbox-state';
import { buildThreadRows, seenByIndex } from './thread-rows';

const day = (d: number, h = 10) => new Date(2026, 10, d, h).getTime();
const message = (index: number, at: number): MessageRecord => ({
  sid: `IM${index}`, index, author: 'a', body: 'x', dateCreated: at, participantSid: null, media: [], delivery: null, clientKey: null,
});

describe('thread rows', () => {
  it('marks the first row of each day, including pending ones', () => {
    const rows = buildThreadRows([message(0, day(20)), message(1, day(20, 11)), message(2, day(21))], [
      { clientKey: 'k', body: 'hi', attachments: [], createdAt: day(22), status: 'sending', progress: null, error: null },
    ]);
    expect(rows.map((row) => [row.key, row.startsDay])).toEqual([['IM0', true], ['IM1', false], ['IM2', true], ['k', true]]);
  });

  it('shows each reader once, at the last loaded message they have read', () => {
    const messages = [message(3, 0), message(4, 0), message(6, 0)];
    const seen = seenByIndex(messages, [
      { identity: 'ben', lastReadMessageIndex: 6 },
      { identity: 'cy', lastReadMessageIndex: 5 },
      { identity: 'dee', lastReadMessageIndex: 1 },
    ]);
    expect(Object.fromEntries(seen)).toEqual({ 6: ['ben'], 4: ['cy'] });
  });
});
