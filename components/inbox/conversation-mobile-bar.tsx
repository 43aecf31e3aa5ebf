'use client';

import { ArrowLeft, PanelRight, X } from 'lucide-react';
import Link from 'next/link';
import { useRef, useState } from 'react';
import { isShown, useConversationCommands, type ConversationCommand } from '@/components/keyboard/inbox-commands';
import { Dialog } from '@/components/ui/dialog';
import { DetailsPanel } from './details-panel';

/**
 * Narrow screens: the thread fills the screen, so this bar leads back to the list (phones, where
 * the list is its own screen; the URL drives it, so the browser's back does the same) and opens the
 * details panel as a sheet (below the width where it sits beside the thread).
 */
export function ConversationMobileBar({ sid, hasDetails }: { sid: string; hasDetails: boolean }) {
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [command, setCommand] = useState<ConversationCommand | undefined>();
  const bar = useRef<HTMLDivElement>(null);
  // Below the width where the details sit beside the thread, a label/snooze/transfer/close
  // shortcut opens them as a sheet and acts there.
  useConversationCommands((next) => {
    if (!hasDetails || detailsOpen || !isShown(bar.current)) return;
    setCommand(next);
    setDetailsOpen(true);
  });
  const closeDetails = () => {
    setDetailsOpen(false);
    setCommand(undefined);
  };
  return (
    <div ref={bar} className="flex items-center justify-between gap-2 border-b border-slate-200 bg-white px-2 py-1 lg:hidden">
      <Link
        href="/inbox"
        onClick={(event) => {
          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
          // In place, like opening a conversation: the list is already in the browser.
          event.preventDefault();
          window.history.pushState(null, '', '/inbox');
        }}
        className="inline-flex min-h-11 items-center gap-1 rounded-md px-2 text-sm font-medium text-indigo-700 hover:bg-slate-100 md:invisible"
      >
        <ArrowLeft aria-hidden className="h-4 w-4" />
        Conversations
      </Link>
      {hasDetails ? (
        <>
          <button
            type="button"
            onClick={() => setDetailsOpen(true)}
            className="inline-flex min-h-11 items-center gap-1 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
          >
            <PanelRight aria-hidden className="h-4 w-4" />
            Details
          </button>
          <Dialog open={detailsOpen} onClose={closeDetails} labelledBy={`details-sheet-${sid}`} className="mr-0 h-full max-h-full max-w-sm rounded-none p-0 sm:rounded-l-xl">
            <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2">
              <h2 id={`details-sheet-${sid}`} className="font-semibold">Conversation details</h2>
              <button type="button" aria-label="Close details" onClick={closeDetails} className="flex h-11 w-11 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100">
                <X aria-hidden className="h-5 w-5" />
              </button>
            </div>
            {/* Mounted while open only: its contact panel fetches and listens for nothing otherwise. */}
            {detailsOpen ? <DetailsPanel sid={sid} initialCommand={command} /> : null}
          </Dialog>
        </>
      ) : null}
    </div>
  );
}
