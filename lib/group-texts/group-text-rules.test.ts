import { describe, expect, it } from 'vitest';
import { ZStartGroupText } from './group-text-rules';

const valid = { customers: ['+1 555 000 1111', '+15550002222'], projectedAddress: '+15017122661' };
const firstIssue = (input: unknown) => ZStartGroupText.safeParse(input).error?.issues[0]?.message;

describe('group text validation', () => {
  it('accepts two to nine +1 customers and a +1 projected address, normalizing numbers', () => {
    expect(ZStartGroupText.parse(valid).customers).toEqual(['+15550001111', '+15550002222']);
    const nine = Array.from({ length: 9 }, (_, i) => `+1555000${String(i).padStart(4, '0')}`);
    expect(ZStartGroupText.safeParse({ ...valid, customers: nine }).success).toBe(true);
  });

  it('explains each of Twilio’s rules', () => {
    expect(firstIssue({ ...valid, customers: ['+15550001111', '+447700900123'] })).toBe('+447700900123: group texts work with US and Canadian (+1) numbers only.');
    expect(firstIssue({ ...valid, customers: Array.from({ length: 10 }, (_, i) => `+1555000${String(i).padStart(4, '0')}`) })).toBe('A group text has at most 9 customers (10 participants with you).');
    expect(firstIssue({ ...valid, customers: ['+15550001111'] })).toBe('A group text needs at least two customers.');
    expect(firstIssue({ ...valid, customers: ['+15550001111', '+1 555 000 1111'] })).toBe('Each customer can be in the group once.');
    expect(firstIssue({ ...valid, projectedAddress: 'whatsapp:+14155238886' })).toBe('Choose one of your +1 numbers for the group.');
    expect(firstIssue({ ...valid, customers: ['+15550001111', 'call me'] })).toBe('call me is not a phone number.');
  });
});
