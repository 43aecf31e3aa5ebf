import { describe, expect, it } from 'vitest';
import { parseRecipients } from './parse-recipients';

describe('parseRecipients', () => {
  it('reads numbers with optional names, skips a header, and counts duplicates once', () => {
    const text = 'phone,name\n+1 (555) 000-1111,Ada Lovelace\n"+15550002222","Lee, Bo"\n+15550001111,Again\n\n+15550003333';
    expect(parseRecipients(text)).toEqual([
      { address: '+15550001111', name: 'Ada Lovelace' },
      { address: '+15550002222', name: 'Lee, Bo' },
      { address: '+15550003333', name: null },
    ]);
  });

  it('addresses WhatsApp numbers for a WhatsApp sender', () => {
    expect(parseRecipients('+15550001111\nwhatsapp:+15550002222', { whatsapp: true }).map((r) => r.address)).toEqual([
      'whatsapp:+15550001111',
      'whatsapp:+15550002222',
    ]);
  });

  it('refuses rows that are not numbers, naming their lines', () => {
    expect(() => parseRecipients('+15550001111\nhello\n12')).toThrow(/Lines 2, 3 are not a phone number/);
  });

  it('refuses more than 10,000 recipients', () => {
    const many = Array.from({ length: 10_001 }, (_, i) => `+1555${String(i).padStart(7, '0')}`).join('\n');
    expect(() => parseRecipients(many)).toThrow(/At most 10,000/);
  });
});
