import { describe, expect, it } from 'vitest';
import type { MessageRecord } from '@/lib/conversations/view-records';
import { buildThreadRows, seenByIndex } from './thread-rows';

const day = (d: number, h = 10) => new Date(2026, 10, d, h).getTime();
const message = (index: number, at: number): MessageRecord => ({
  sid: `IM${index}`, index, author: 'a', body: 'x', dateCreated: at, participantSid: null, media: [], delivery: null, clientKey: null,
});
const note = (id: string, at: number) => ({ id, body: 'n', authorId: 'u', authorName: 'U', createdAt: new Date(at).toISOString() });

describe('thread rows', () => {
  it('marks the first row of each day, including pending ones', () => {
    const rows = buildThreadRows({
      messages: [message(0, day(20)), message(1, day(20, 11)), message(2, day(21))],
      pending: [{ clientKey: 'k', body: 'hi', attachments: [], createdAt: day(22), status: 'sending', progress: null, error: null }],
    });
    expect(rows.map((row) => [row.key, row.startsDay])).toEqual([['IM0', true], ['IM1', false], ['IM2', true], ['k', true]]);
  });

  it('puts notes between messages by time', () => {
    const rows = buildThreadRows({
      messages: [message(0, day(20, 10)), message(1, day(20, 12))],
      pending: [],
      notes: [note('late', day(20, 13)), note('middle', day(20, 11))],
    });
    expect(rows.map((row) => row.key)).toEqual(['IM0', 'middle', 'IM1', 'late']);
  });

  it('holds back notes older than the loaded history until it loads', () => {
    const notes = [note('old', day(1)), note('new', day(20, 11))];
    expect(buildThreadRows({ messages: [message(5, day(20, 10))], pending: [], notes, hasOlder: true }).map((r) => r.key)).toEqual(['IM5', 'new']);
    expect(buildThreadRows({ messages: [message(5, day(20, 10))], pending: [], notes, hasOlder: false }).map((r) => r.key)).toEqual(['old', 'IM5', 'new']);
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
