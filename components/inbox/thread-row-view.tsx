import type { ReactNode } from 'react';
import { NoteBubble } from '@/components/notes/note-bubble';
import { dayLabel } from '@/lib/inbox/format';
import type { ThreadRow } from './thread-rows';

/**
 * One row of a thread: the day separator when it starts a day, then a private note, or
 * `children` — how the view draws its messages (and unsent ones).
 */
export function ThreadRowView({ row, now, children }: { row: ThreadRow; now: number; children?: ReactNode }) {
  return (
    <div>
      {row.startsDay ? (
        <div role="separator" className="my-3 flex items-center gap-3 px-4 text-xs font-medium text-slate-500">
          <span className="h-px flex-1 bg-slate-200" />
          {dayLabel(row.at, now)}
          <span className="h-px flex-1 bg-slate-200" />
        </div>
      ) : null}
      {row.kind === 'note' ? <NoteBubble note={row.note} /> : children}
    </div>
  );
}
