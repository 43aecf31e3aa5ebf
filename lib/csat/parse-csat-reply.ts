export type CsatReply = { score: number; comment: string | null };

// "5", "5!", "4 - quick and kind", "3/5 slow", "5. Thanks": a score from 1 to 5 first, anything
// after it is the comment. Anything else ("where is my order?") is not an answer.
const ANSWER = /^\s*([1-5])(?:\s*\/\s*5)?(?!\d|[.,]\d)(?:\s*[-–—:.,!)]*\s*)([\s\S]*)$/;

/** The customer's answer to a satisfaction survey, or null when the text is not one. */
export function parseCsatReply(body: string | null): CsatReply | null {
  const match = ANSWER.exec(body ?? '');
  if (!match) return null;
  const comment = (match[2] ?? '').trim();
  return { score: Number(match[1]), comment: comment || null };
}
