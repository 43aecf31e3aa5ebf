import { clockTime } from '@/lib/inbox/format';
import type { NoteView } from '@/lib/notes/notes';

/** A private note: yellow, labelled, never sent to the customer. */
export function NoteBubble({ note }: { note: NoteView }) {
  return (
    <article aria-label={`Private note by ${note.authorName}`} data-testid="note" className="flex flex-col items-center px-4 py-1.5">
      <div className="w-full max-w-[85%] rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
        <p className="mb-0.5 text-[11px] font-semibold uppercase tracking-wide text-amber-700">
          Private note · {note.authorName} · {clockTime(Date.parse(note.createdAt))}
        </p>
        <p className="whitespace-pre-wrap break-words">{note.body}</p>
      </div>
    </article>
  );
}
