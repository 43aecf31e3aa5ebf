import { describe, expect, it } from 'vitest';
import { attachmentProblem } from './attachment-limits';
import { authorName, conversationTitle, unreadCount } from './conversation-view';
import { deliveryErrorReason, deliveryStatus } from './delivery-status';
import { fileSize, relativeTime } from './format';
import type { ConversationRecord } from '@/lib/conversations/view-records';

const MB = 1024 * 1024;
const conversation = (patch: Partial<ConversationRecord> = {}): ConversationRecord => ({
  sid: 'CH1',
  friendlyName: '+15558675310',
  switchboard: { channel: 'sms', customer: { address: '+15558675310', name: 'Dana' }, twilioNumber: '+15017122661' },
  state: 'active',
  lastMessageIndex: 4,
  lastActivityAt: 0,
  lastReadMessageIndex: 1,
  dateCreated: 0,
  ...patch,
});

describe('conversation view', () => {
  it('names the customer, else their number, else the conversation', () => {
    expect(conversationTitle(conversation())).toBe('Dana');
    expect(conversationTitle(conversation({ switchboard: { channel: 'whatsapp', customer: { address: 'whatsapp:+15558675310' } } }))).toBe('+15558675310');
    expect(conversationTitle(conversation({ switchboard: null, friendlyName: 'Team chat' }))).toBe('Team chat');
  });

  it('counts unread messages after the read horizon', () => {
    expect(unreadCount(conversation())).toBe(3);
    expect(unreadCount(conversation({ lastReadMessageIndex: null }))).toBe(5);
    expect(unreadCount(conversation({ lastReadMessageIndex: 4 }))).toBe(0);
    expect(unreadCount(conversation({ lastMessageIndex: null, lastReadMessageIndex: null }))).toBe(0);
  });

  it('names authors: agents by user name, the customer by name', () => {
    const c = conversation();
    expect(authorName('user-1', c, { 'user-1': 'Ada Park' })).toBe('Ada Park');
    expect(authorName('+15558675310', c, {})).toBe('Dana');
    expect(authorName('whatsapp:+15550000000', c, {})).toBe('+15550000000');
  });
});

describe('delivery status', () => {
  const summary = (patch = {}) => ({ total: 2, sent: 'none', delivered: 'none', read: 'none', undelivered: 'none', failed: 'none', ...patch }) as const;
  it.each([
    [summary(), 'queued'],
    [summary({ sent: 'all' }), 'sent'],
    [summary({ sent: 'all', delivered: 'some' }), 'sent'],
    [summary({ sent: 'all', delivered: 'all' }), 'delivered'],
    [summary({ sent: 'all', delivered: 'all', read: 'all' }), 'read'],
    [summary({ sent: 'all', delivered: 'some', failed: 'some' }), 'failed'],
    [summary({ undelivered: 'all' }), 'failed'],
  ])('%j → %s', (input, expected) => expect(deliveryStatus(input)).toBe(expected));

  it('has no status for chat-only messages', () => expect(deliveryStatus(null)).toBeNull());
  it('explains error codes', () => {
    expect(deliveryErrorReason('30003')).toBe('the phone is unreachable or switched off');
    expect(deliveryErrorReason(63016)).toBe('WhatsApp’s 24-hour window has closed; send a template');
    expect(deliveryErrorReason('99999')).toBe('error 99999');
  });
});

describe('attachment limits', () => {
  const file = (mb: number, name = 'f.jpg') => ({ size: mb * MB, name });
  it('allows what fits', () => {
    expect(attachmentProblem('sms', [file(2), file(2.5)])).toBeNull();
    expect(attachmentProblem('whatsapp', [file(15)])).toBeNull();
    expect(attachmentProblem('chat', [file(140)])).toBeNull();
  });
  it('explains what does not', () => {
    expect(attachmentProblem('sms', [file(3), file(3)])).toBe('MMS files must be 5 MB or less together.');
    expect(attachmentProblem('sms', Array.from({ length: 11 }, () => file(0.1)))).toBe('MMS takes at most 10 files per message.');
    expect(attachmentProblem('whatsapp', [file(1), file(1)])).toBe('WhatsApp takes one file per message.');
    expect(attachmentProblem('whatsapp', [file(17, 'big.mp4')])).toBe('big.mp4 is larger than WhatsApp’s 16 MB limit.');
    expect(attachmentProblem('chat', [file(151, 'huge.zip')])).toBe('huge.zip is larger than Chat’s 150 MB limit.');
    expect(attachmentProblem('sms', [], 1601)).toBe('Messages to phones are at most 1,600 characters (1,601 now).');
  });
});

describe('format', () => {
  const now = new Date('2026-11-21T15:00:00').getTime();
  it('shows relative times', () => {
    expect(relativeTime(now - 10_000, now, 'en-US')).toBe('now');
    expect(relativeTime(now - 5 * 60_000, now, 'en-US')).toBe('5m');
    expect(relativeTime(now - 3 * 3_600_000, now, 'en-US')).toBe('3h');
    expect(relativeTime(new Date('2026-11-03T10:00:00').getTime(), now, 'en-US')).toBe('Nov 3');
  });
  it('shows file sizes', () => {
    expect(fileSize(512)).toBe('512 B');
    expect(fileSize(2048)).toBe('2.0 KB');
    expect(fileSize(3.25 * MB)).toBe('3.3 MB');
  });
});
