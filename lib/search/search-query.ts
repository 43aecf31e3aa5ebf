import { z } from 'zod';

// The search box's text as it reaches the server, and what PostgreSQL is asked. No server
// imports here: the inbox shares the limits.

export const MIN_SEARCH_LENGTH = 2;
const MAX_TERMS = 8;

export const ZSearchQuery = z.object({
  q: z.string().trim().min(MIN_SEARCH_LENGTH, 'Type at least two characters.').max(200),
});

export type TextQuery = {
  /** For to_tsquery: the words ANDed, the last one a prefix (the reader may still be typing it). */
  tsquery: string | null;
  /** A quoted phrase: for websearch_to_tsquery, which keeps the words' order. */
  phrase: string | null;
  /** For names and labels: the text as typed, LIKE wildcards escaped. */
  like: string;
  /**
   * Three or more digits typed as a number — digits and a phone number's punctuation only — are
   * part of one ("555 867" finds +15558675310); digits among words ("order 4512") are not.
   */
  digits: string | null;
};

/**
 * Reads the typed text. Only letters and digits reach to_tsquery (its operators are never the
 * reader's), so no input can make the query fail.
 */
export function parseTextQuery(input: string): TextQuery {
  const text = input.trim();
  const terms = (text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TERMS).map((term) => term.slice(0, 64).toLowerCase());
  const isPhrase = /^".*"$/.test(text) && terms.length > 1;
  const digits = /^[\d\s()+.-]+$/.test(text) ? text.replace(/\D/g, '') : '';
  return {
    tsquery: terms.length === 0 || isPhrase ? null : terms.map((term, index) => (index === terms.length - 1 ? `${term}:*` : term)).join(' & '),
    phrase: isPhrase ? terms.join(' ') : null,
    like: text.replace(/[\\%_]/g, (character) => `\\${character}`),
    digits: digits.length >= 3 ? digits : null,
  };
}
