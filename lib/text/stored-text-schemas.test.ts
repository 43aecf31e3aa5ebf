import { describe, expect, it } from 'vitest';
import { ZBroadcastInput } from '@/lib/broadcasts/broadcast-schemas';
import { ZCannedResponse } from '@/lib/canned-responses/canned-response-schema';
import { ZSendMessage } from '@/lib/conversations/send-as-user';
import { ZStartConversation } from '@/lib/conversations/start-conversation-schema';
import { ZContactNote, ZContactUpdate } from '@/lib/contacts/contact-schemas';
import { ZCsatChannelSettings } from '@/lib/csat/csat-settings-schema';
import { ZStartGroupText } from '@/lib/group-texts/group-text-rules';
import { ZLabel } from '@/lib/labels/label-schema';
import { ZNote } from '@/lib/notes/notes';
import { ZConfigurationForm } from '@/lib/orchestration/configuration-form';
import { ZCreateTemplate } from '@/lib/templates/template-form';
import { ZTransfer } from '@/lib/transfers/transfer-conversation';
import { ZCreateUser, ZUpdateUser } from '@/lib/users/user-schemas';

const BROADCAST = { name: 'Spring sale', body: 'Our spring sale starts today.', fromNumber: '+15017122661', recipients: '+15558675310,Lee\n+15558675311' };
const CONFIGURATION = {
  displayName: 'Campaigns',
  description: 'Spring campaigns',
  groupingType: 'GROUP_BY_PARTICIPANT_ADDRESSES',
  captures: { SMS: ['+15017122661'], WHATSAPP: [] },
  inactiveMinutes: 30,
  closedMinutes: 1440,
  bridgeToInbox: true,
  idempotencyKey: '6f1c0c8e-1d2b-4c8e-9a51-2f3b4c5d6e7f',
};

// Every text field the API stores (or hands to Twilio), with a valid request around it.
const CASES: [string, { safeParse(input: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, Record<string, unknown>, string][] = [
  ['a new user', ZCreateUser, { email: 'kim@example.com', name: 'Kim Lee', password: 'a-long-password' }, 'name'],
  ['a new user', ZCreateUser, { email: 'kim@example.com', name: 'Kim Lee', password: 'a-long-password' }, 'email'],
  ['a user edit', ZUpdateUser, { name: 'Kim Lee' }, 'name'],
  ['a note', ZNote, { body: 'Called back' }, 'body'],
  ['a reply', ZSendMessage, { body: 'On its way' }, 'body'],
  ['a canned response', ZCannedResponse, { shortcut: 'thanks', title: 'Thanks', body: 'Thank you!' }, 'title'],
  ['a canned response', ZCannedResponse, { shortcut: 'thanks', title: 'Thanks', body: 'Thank you!' }, 'body'],
  ['a transfer', ZTransfer, { to: 'queue', note: 'Billing question' }, 'note'],
  ['a new conversation', ZStartConversation, { channel: 'sms', customerNumber: '+15558675310', customerName: 'Lee', from: '+15017122661' }, 'customerName'],
  ['a group text', ZStartGroupText, { customers: ['+15558675310', '+15558675311'], projectedAddress: '+15017122661', name: 'Team' }, 'name'],
  ['a broadcast', ZBroadcastInput, BROADCAST, 'name'],
  ['a broadcast', ZBroadcastInput, BROADCAST, 'body'],
  ['a broadcast', ZBroadcastInput, BROADCAST, 'recipients'],
  ['an orchestration configuration', ZConfigurationForm, CONFIGURATION, 'description'],
  ['a label', ZLabel, { name: 'Billing', color: 'sky' }, 'name'],
  ['a contact', ZContactUpdate, { name: 'Lee Park' }, 'name'],
  ['a contact note', ZContactNote, { body: 'Prefers texts' }, 'body'],
  ['a survey question', ZCsatChannelSettings, { channel: 'SMS', csatEnabled: true, csatQuestion: 'How did we do?' }, 'csatQuestion'],
  ['a template', ZCreateTemplate, { friendlyName: 'order_ready', language: 'en', kind: 'text', body: 'Your order is ready.' }, 'body'],
];

describe('text the app stores', () => {
  // The field second, so the test's name says which one.
  it.each(CASES.map(([what, schema, valid, field]) => [what, field, schema, valid] as const))('%s: refuses control characters in %s, naming the field', (_what, field, schema, valid) => {
    expect(schema.safeParse(valid).success).toBe(true);
    for (const control of ['\u0000', '\u0007', '\u001b', '\u007f']) {
      const result = schema.safeParse({ ...valid, [field]: `bad${control}text` });
      expect(result.success).toBe(false);
      expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: [field], message: 'must not contain control characters' }));
    }
  });

  it('keeps line breaks and tabs', () => {
    expect(ZNote.parse({ body: 'line one\r\nline two\tend' }).body).toBe('line one\r\nline two\tend');
  });
});
