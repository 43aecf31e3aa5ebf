'use client';

import { useState } from 'react';
import { useLiveResource } from '@/components/live/use-live-resource';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/api/client-fetch';
import type { BroadcastSummary } from '@/lib/broadcasts/broadcast-schemas';
import { BroadcastForm } from './broadcast-form';
import { BroadcastProgress } from './broadcast-progress';

/** The supervisors' Broadcasts page: send one, follow it live, and look back at recent ones. */
export function BroadcastsConsole({ numbers, initial }: { numbers: string[]; initial: BroadcastSummary[] }) {
  const [selected, setSelected] = useState<string | null>(null);
  const { value } = useLiveResource(async () => (await apiFetch<{ broadcasts: BroadcastSummary[] }>('/api/broadcasts')).broadcasts, {
    refetchOn: (event) => event.kind === 'broadcast.progress',
    minIntervalMs: 1_000,
  });
  const broadcasts = value ?? initial;
  return (
    <div className="mt-4 flex flex-col gap-4">
      <BroadcastForm numbers={numbers} onCreated={setSelected} />
      {selected ? <BroadcastProgress broadcastId={selected} /> : null}
      <table className="w-full text-left text-sm" aria-label="Recent broadcasts">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-2">Name</th>
            <th>From</th>
            <th>Recipients</th>
            <th>Delivered</th>
            <th>Failed</th>
            <th><span className="sr-only">Details</span></th>
          </tr>
        </thead>
        <tbody>
          {broadcasts.map((b) => (
            <tr key={b.id} className="border-t border-slate-100">
              <td className="py-1 font-medium">{b.name}{b.status === 'SENDING' ? <span className="ml-1 text-xs text-indigo-700">sending</span> : null}</td>
              <td>{b.fromNumber}</td>
              <td>{b.totals.total}</td>
              <td>{b.totals.delivered}</td>
              <td>{b.totals.failed}</td>
              <td><Button variant="ghost" onClick={() => setSelected(b.id)}>Details</Button></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
