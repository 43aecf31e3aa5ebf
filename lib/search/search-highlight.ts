// How a search result marks the words it matched: PostgreSQL's ts_headline wraps them in these
// two control characters (which the app strips from every stored body, so they cannot occur in
// the text itself), and the browser splits on them to render <mark> elements — as text, never
// as HTML. Shared by the server and the browser; no server imports here.

export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

export type HighlightPart = { text: string; isMatch: boolean };

/**
 * A snippet as text parts, matched words flagged. Words of one phrase come back marked one by
 * one ("«brown» «fox»"); they are joined into one match, as the reader typed them.
 */
export function splitHighlights(snippet: string): HighlightPart[] {
  const joined = snippet.replace(new RegExp(`${MATCH_END}(\\s+)${MATCH_START}`, 'g'), '$1');
  const parts: HighlightPart[] = [];
  let isMatch = false;
  for (const piece of joined.split(new RegExp(`([${MATCH_START}${MATCH_END}])`))) {
    if (piece === MATCH_START) isMatch = true;
    else if (piece === MATCH_END) isMatch = false;
    else if (piece) parts.push({ text: piece, isMatch });
  }
  return parts;
}
