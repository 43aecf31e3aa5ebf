'use client';

import { fileSize } from '@/lib/inbox/format';
import type { PendingMessage } from '@/lib/inbox/inbox-state';
import { Button } from '@/components/ui/button';

type Props = { pending: PendingMessage; onRetry: () => void; onDiscard: () => void };

/** A message this agent sent that the server has not confirmed yet — or that failed. */
export function PendingBubble({ pending, onRetry, onDiscard }: Props) {
  const failed = pending.status === 'failed';
  return (
    <article data-testid="pending-message" data-status={pending.status} className="flex flex-col items-end gap-1 px-4 py-1">
      {pending.attachments.map((file) => (
        <div key={file.id} className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm text-slate-700">
          {file.name} <span className="text-xs text-slate-500">{fileSize(file.size)}</span>
        </div>
      ))}
      {pending.body ? (
        <p className={`max-w-[75%] whitespace-pre-wrap break-words rounded-2xl rounded-br-md px-3 py-2 text-sm ${failed ? 'bg-red-50 text-red-900 ring-1 ring-red-200' : 'bg-indigo-400 text-white'}`}>
          {pending.body}
        </p>
      ) : null}
      {pending.progress !== null && !failed ? (
        <progress className="h-1.5 w-40 accent-indigo-600" value={pending.progress} max={1} aria-label="Upload progress" />
      ) : null}
      {failed ? (
        <div role="alert" className="flex items-center gap-2 text-xs text-red-700">
          <span>Not sent: {pending.error}</span>
          <Button variant="secondary" className="px-2 py-0.5 text-xs" onClick={onRetry}>Retry</Button>
          <Button variant="ghost" className="px-2 py-0.5 text-xs" onClick={onDiscard}>Discard</Button>
        </div>
      ) : (
        <span className="text-[11px] text-slate-500">Sending…</span>
      )}
    </article>
  );
}
