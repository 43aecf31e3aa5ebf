'use client';

import type { CannedResponseView } from '@/lib/canned-responses/canned-response-schema';

type Props = { matches: CannedResponseView[]; activeIndex: number; onPick: (response: CannedResponseView) => void };

/** The "/" menu above the composer: Arrow keys choose, Enter or Tab inserts, Escape closes. */
export function CannedResponsePicker({ matches, activeIndex, onPick }: Props) {
  return (
    <ul id="canned-responses" role="listbox" aria-label="Canned responses" className="mb-2 max-h-56 overflow-y-auto rounded-md border border-slate-200 bg-white shadow-md">
      {matches.length === 0 ? (
        <li className="px-3 py-2 text-sm text-slate-500">No canned response matches.</li>
      ) : (
        matches.map((response, index) => (
          <li
            key={response.id}
            id={`canned-${response.id}`}
            role="option"
            aria-selected={index === activeIndex}
            onMouseDown={(event) => {
              event.preventDefault();
              onPick(response);
            }}
            className={`cursor-pointer px-3 py-2 text-sm ${index === activeIndex ? 'bg-indigo-50' : 'hover:bg-slate-50'}`}
          >
            <span className="font-mono text-xs text-indigo-700">/{response.shortcut}</span> <span className="font-medium">{response.title}</span>
            <p className="truncate text-xs text-slate-500">{response.body}</p>
          </li>
        ))
      )}
    </ul>
  );
}
