// Customer and Twilio addresses as Twilio writes them: E.164 for SMS, `whatsapp:` + E.164.
export type MessagingChannel = 'sms' | 'whatsapp';

const E164 = /^\+[1-9]\d{7,14}$/;

/** "+1 (555) 867-5310" → "+15558675310"; null when it cannot be an E.164 number. */
export function toE164(input: string): string | null {
  const trimmed = input.trim().replace(/^whatsapp:/i, '');
  if (!trimmed.startsWith('+')) return null;
  const digits = `+${trimmed.slice(1).replace(/[\s().-]/g, '')}`;
  return E164.test(digits) ? digits : null;
}

export function toChannelAddress(e164: string, channel: MessagingChannel): string {
  return channel === 'whatsapp' ? `whatsapp:${e164}` : e164;
}

export function channelOfAddress(address: string): MessagingChannel {
  return address.startsWith('whatsapp:') ? 'whatsapp' : 'sms';
}

/** For display: the number without the channel prefix. */
export function displayAddress(address: string): string {
  return address.replace(/^whatsapp:/, '');
}
