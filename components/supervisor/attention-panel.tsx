'use client';

import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/use-action';
import { apiFetch } from '@/lib/api/client-fetch';
import type { Attention } from '@/lib/attention/read-attention';

type Props = { attention: Attention; seenUntil: string; onAcknowledged: () => void };

/**
 * What went wrong without anyone seeing it: webhooks set aside as dead letters and
 * conversations the reconciler had to repair. Shown only while there is something.
 */
export function AttentionPanel({ attention, seenUntil, onAcknowledged }: Props) {
  const { run, pending, error } = useAction();
  if (attention.count === 0) return null;
  return (
    <section aria-labelledby="attention-heading" className="rounded-lg border border-amber-300 bg-amber-50">
      <div className="flex items-center justify-between gap-2 border-b border-amber-200 px-4 py-2">
        <h2 id="attention-heading" className="text-sm font-semibold text-amber-950">
          Needs attention: <span data-testid="attention-count">{attention.count}</span>
        </h2>
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() => void run(() => apiFetch('/api/supervisor/attention', { body: { until: seenUntil } })).then((done) => done && onAcknowledged())}
        >
          Mark as seen
        </Button>
      </div>
      {error ? <p role="alert" className="px-4 py-1 text-xs text-red-700">{error}</p> : null}
      <ul className="max-h-48 overflow-y-auto text-xs text-amber-950">
        {attention.items.map((item) => (
          <li key={`${item.kind}-${item.id}`} className="flex gap-2 px-4 py-1">
            <time dateTime={item.at} className="shrink-0 text-amber-800">{new Date(item.at).toLocaleString()}</time>
            <span className="min-w-0 flex-1 break-words">{item.summary}</span>
            {item.conversationSid?.startsWith('CH') ? (
              <Link href={`/supervisor/conversations/${item.conversationSid}`} className="shrink-0 underline">
                Open
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
