import { describe, expect, it } from 'vitest';
import { buildConversationRecord, describeAttributes, describeBinding, describeIndexRow, describeTitle, indexFieldsOf, indexFieldsOfFacts } from './conversation-descriptor';

describe('the conversation descriptor', () => {
  it('reads the same conversation from a binding, its attributes and its index row', () => {
    const described = describeBinding({ addresses: ['whatsapp:+15558675310'], proxyAddress: 'whatsapp:+14155238886', projectedAddress: null });
    expect(described).toEqual({ channel: 'whatsapp', customer: { address: 'whatsapp:+15558675310' }, twilioNumber: 'whatsapp:+14155238886' });
    expect(describeAttributes(JSON.stringify({ other: 1, switchboard: described }))).toEqual(described);
    const row = { members: [], customerName: null, customerAddress: null, twilioNumber: null, ...indexFieldsOf(described!) };
    expect(describeIndexRow(row)).toEqual(described);
  });

  it('keeps a group text’s name and members through the index', () => {
    const group = { channel: 'group' as const, members: ['+15550000001', '+15550000002'], twilioNumber: '+15017122661', name: 'Wedding catering — Lee & Kim' };
    const row = { customerAddress: null, customerName: null, twilioNumber: null, members: [], ...indexFieldsOf(group) };
    expect(describeIndexRow(row)).toEqual(group);
    expect(describeTitle(group, 'Group: +15550000001, +15550000002')).toBe('Wedding catering — Lee & Kim');
    expect(describeTitle({ ...group, name: undefined }, 'Group: x')).toBe('+15550000001, +15550000002');
  });

  it('lets attributes win over bindings, and one member’s binding not replace the group', () => {
    const attributes = JSON.stringify({ switchboard: { channel: 'sms', customer: { address: '+15550000001', name: 'Dana' } } });
    expect(indexFieldsOfFacts({ attributes, binding: { addresses: ['+1555'], proxyAddress: '+1501', projectedAddress: null } })).toEqual({ channel: 'SMS', customerAddress: '+15550000001', customerName: 'Dana' });
    expect(indexFieldsOfFacts({ binding: { addresses: ['+15550000001'], proxyAddress: null, projectedAddress: '+15017122661' } })).toEqual({ channel: 'GROUP', twilioNumber: '+15017122661' });
  });

  it('names a conversation by the customer, else the number, else Twilio’s name', () => {
    expect(describeTitle({ channel: 'sms', customer: { address: '+15558675310', name: 'Dana' } }, null)).toBe('Dana');
    expect(describeTitle({ channel: 'whatsapp', customer: { address: 'whatsapp:+15558675310' } }, null)).toBe('+15558675310');
    expect(describeTitle(null, 'Team chat')).toBe('Team chat');
    expect(buildConversationRecord({ sid: 'CH1', friendlyName: null, descriptor: null, state: 'active', lastActivityAt: 1, dateCreated: 1 })).toMatchObject({ switchboard: null, lastMessageIndex: null });
  });
});
