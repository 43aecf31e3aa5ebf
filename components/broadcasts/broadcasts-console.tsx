'use client';

import { useState } from 'react';
import { useLiveResource } from '@/components/live/use-live-resource';
import { stackedTable } from '@/components/ui/stacked-table';
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
      <table className={`w-full text-left text-sm ${stackedTable.table}`} aria-label="Recent broadcasts">
        <thead className={`text-xs text-slate-500 ${stackedTable.head}`}>
          <tr>
            <th className="py-2">Name</th>
            <th>From</th>
            <th>Recipients</th>
            <th>Delivered</th>
            <th>Failed</th>
            <th><span className="sr-only">Details</span></th>
          </tr>
        </thead>
        <tbody className={stackedTable.body}>
          {broadcasts.map((b) => (
            <tr key={b.id} className={`border-t border-slate-100 ${stackedTable.row}`}>
              <td className={`py-1 font-medium ${stackedTable.cell} ${stackedTable.wide}`} data-label="Name">{b.name}{b.status === 'SENDING' ? <span className="ml-1 text-xs text-indigo-700">sending</span> : null}</td>
              <td className={stackedTable.cell} data-label="From">{b.fromNumber}</td>
              <td className={stackedTable.cell} data-label="Recipients">{b.totals.total}</td>
              <td className={stackedTable.cell} data-label="Delivered">{b.totals.delivered}</td>
              <td className={stackedTable.cell} data-label="Failed">{b.totals.failed}</td>
              <td className={`${stackedTable.cell} ${stackedTable.wide}`}><Button variant="ghost" onClick={() => setSelected(b.id)}>Details</Button></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
