import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from '@/lib/conversations/view-records';
import { INITIAL_INBOX_STATE } from './inbox-state';
import { withContactName, withContactNames } from './state-updates';

const record = (sid: string, address: string, name?: string): ConversationRecord => ({
  sid,
  friendlyName: null,
  switchboard: { channel: address.startsWith('whatsapp:') ? 'whatsapp' : 'sms', customer: { address, ...(name ? { name } : {}) } },
  state: 'active',
  lastMessageIndex: null,
  lastActivityAt: 0,
  lastReadMessageIndex: null,
  dateCreated: 0,
});

describe('contact names in the inbox', () => {
  it('name every conversation with the contact’s addresses, over the attributes’ name, and unname on undo', () => {
    const state = { ...INITIAL_INBOX_STATE, conversations: { A: record('A', '+15550001001', 'Old'), B: record('B', 'whatsapp:+15550001001'), C: record('C', '+15550009999', 'Kim') } };
    const named = withContactNames(state, { '+15550001001': 'Dana', 'whatsapp:+15550001001': 'Dana' });
    expect(Object.values(named.conversations).map((c) => c.switchboard?.customer?.name)).toEqual(['Dana', 'Dana', 'Kim']);
    // A conversation the SDK delivers later (its attributes without the name) is named too.
    expect(withContactName(record('D', 'whatsapp:+15550001001'), named.contactNames).switchboard?.customer?.name).toBe('Dana');
    const undone = withContactNames(named, { 'whatsapp:+15550001001': null });
    expect(undone.conversations.B!.switchboard?.customer?.name).toBeUndefined();
  });
});
