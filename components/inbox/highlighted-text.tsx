import { splitHighlights } from '@/lib/search/search-highlight';

/** A search snippet with its matched words in <mark>: split on the server's markers, rendered as text. */
export function HighlightedText({ snippet }: { snippet: string }) {
  return (
    <>
      {splitHighlights(snippet).map((part, index) =>
        part.isMatch ? (
          <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-slate-900">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
