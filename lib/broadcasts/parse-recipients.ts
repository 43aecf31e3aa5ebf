import { parse } from 'csv-parse/sync';
import { AppError } from '@/lib/api/app-error';
import { MAX_RECIPIENTS } from './broadcast-schemas';

export type Recipient = { address: string; name: string | null };

const E164 = /^\+[1-9]\d{6,14}$/;

/** A number as people write it (spaces, dashes, brackets) in E.164; null when it is not one. */
const normalize = (raw: string): string | null => {
  const compact = raw.replace(/[\s().-]/g, '');
  const e164 = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  return E164.test(e164) ? e164 : null;
};

/**
 * A pasted list or an uploaded CSV: one recipient per row, the number first and optionally a name.
 * A header row is skipped; duplicates count once; WhatsApp senders address `whatsapp:` numbers.
 * Rows that are not numbers are refused, naming the first few, rather than silently dropped.
 */
export function parseRecipients(text: string, { whatsapp = false }: { whatsapp?: boolean } = {}): Recipient[] {
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true, bom: true, delimiter: [',', ';', '\t'] }) as string[][];
  } catch (error) {
    throw new AppError('invalid_request', `The list is not valid CSV: ${error instanceof Error ? error.message : 'unreadable'}`);
  }
  const byAddress = new Map<string, Recipient>();
  const invalid: number[] = [];
  rows.forEach((row, index) => {
    const [first = '', second = ''] = row;
    const number = normalize(first.replace(/^whatsapp:/i, ''));
    if (!number) {
      // A first row naming its columns ("phone,name") is a header.
      if (index === 0 && !/\d{5}/.test(first)) return;
      invalid.push(index + 1);
      return;
    }
    const address = whatsapp ? `whatsapp:${number}` : number;
    if (!byAddress.has(address)) byAddress.set(address, { address, name: second.trim() || null });
  });
  if (invalid.length > 0) {
    const lines = invalid.slice(0, 5).join(', ');
    throw new AppError('invalid_request', `Line${invalid.length > 1 ? 's' : ''} ${lines}${invalid.length > 5 ? ` and ${invalid.length - 5} more` : ''} ${invalid.length > 1 ? 'are' : 'is'} not a phone number.`);
  }
  if (byAddress.size === 0) throw new AppError('invalid_request', 'Add at least one recipient.');
  if (byAddress.size > MAX_RECIPIENTS) throw new AppError('invalid_request', `At most ${MAX_RECIPIENTS.toLocaleString('en-US')} recipients per broadcast.`);
  return [...byAddress.values()];
}
