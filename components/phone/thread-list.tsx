import { displayAddress } from '@/lib/conversations/phone-address';
import type { PhoneThread } from './phone-threads';

type Props = { threads: PhoneThread[]; selectedKey: string; onSelect: (thread: PhoneThread) => void };

/** The phone's conversations, most recent first; a group shows all its numbers. */
export function ThreadList({ threads, selectedKey, onSelect }: Props) {
  if (threads.length === 0) return <p className="text-sm text-slate-500">No messages on this phone yet.</p>;
  return (
    <ul className="flex flex-col gap-1" aria-label="Threads on this phone">
      {threads.map((thread) => (
        <li key={thread.key}>
          <button
            type="button"
            onClick={() => onSelect(thread)}
            aria-current={thread.key === selectedKey ? 'true' : undefined}
            className={`w-full rounded-md px-3 py-2 text-left text-sm ${thread.key === selectedKey ? 'bg-indigo-50 ring-1 ring-indigo-200' : 'hover:bg-slate-100'}`}
          >
            <span className="block font-medium">{thread.numbers.map(displayAddress).join(', ')}</span>
            <span className="block truncate text-xs text-slate-500">{thread.last.body ?? (thread.last.media.length > 0 ? 'Attachment' : '')}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
