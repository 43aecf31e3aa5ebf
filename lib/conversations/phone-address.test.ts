import { describe, expect, it } from 'vitest';
import { channelOfAddress, displayAddress, toChannelAddress, toE164 } from './phone-address';

describe('phone addresses', () => {
  it.each([
    ['+15558675310', '+15558675310'],
    [' +1 (555) 867-5310 ', '+15558675310'],
    ['+44 20 7946 0958', '+442079460958'],
    ['whatsapp:+15558675310', '+15558675310'],
  ])('normalizes %s', (input, expected) => expect(toE164(input)).toBe(expected));

  it.each(['5558675310', '+0123456789', '+1 555 CALL NOW', '+123', ''])('rejects %s', (input) => expect(toE164(input)).toBeNull());

  it('adds and reads the WhatsApp prefix', () => {
    expect(toChannelAddress('+15558675310', 'whatsapp')).toBe('whatsapp:+15558675310');
    expect(toChannelAddress('+15558675310', 'sms')).toBe('+15558675310');
    expect(channelOfAddress('whatsapp:+15558675310')).toBe('whatsapp');
    expect(displayAddress('whatsapp:+15558675310')).toBe('+15558675310');
  });
});
