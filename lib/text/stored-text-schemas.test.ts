import { describe, expect, it } from 'vitest';
import { ZCannedResponse } from '@/lib/canned-responses/canned-response-schema';
import { ZSendMessage } from '@/lib/conversations/send-as-user';
import { ZStartConversation } from '@/lib/conversations/start-conversation-schema';
import { ZStartGroupText } from '@/lib/group-texts/group-text-rules';
import { ZNote } from '@/lib/notes/notes';
import { ZTransfer } from '@/lib/transfers/transfer-conversation';
import { ZCreateUser, ZUpdateUser } from '@/lib/users/user-schemas';

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
];

describe('text the app stores', () => {
  it.each(CASES)('%s: refuses control characters in %s, naming the field', (_what, schema, valid, field) => {
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
