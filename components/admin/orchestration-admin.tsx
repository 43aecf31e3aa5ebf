'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useLiveEvent } from '@/components/live/use-live-event';
import { Alert } from '@/components/ui/alert';
import { stackedTable } from '@/components/ui/stacked-table';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ApiError, apiFetch } from '@/lib/api/client-fetch';
import { type ConfigurationView, GROUPING_LABELS, type OperationView } from '@/lib/orchestration/configuration-form';
import { OrchestrationForm } from './orchestration-form';

type Props = { configurations: ConfigurationView[]; numbers: string[] };

const fetchOperation = async (operationId: string) =>
  (await apiFetch<{ operation: OperationView }>(`/api/admin/orchestration/operations/${operationId}`)).operation;

/**
 * The admin's Orchestration page: the account's Conversation Orchestrator configurations, a form to
 * create or edit one, and the progress of the last change, which Twilio applies asynchronously (the
 * server follows the operation and announces its end on the live stream).
 */
export function OrchestrationAdmin({ configurations, numbers }: Props) {
  const router = useRouter();
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<ConfigurationView | null>(null);
  const [operation, setOperation] = useState<OperationView | null>(null);
  const [deleting, setDeleting] = useState<ConfigurationView | null>(null);
  const [deleteKey, setDeleteKey] = useState(() => crypto.randomUUID());
  const [pendingDelete, setPendingDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const follow = async (operationId: string) => {
    setOperation({ operationId, status: 'PENDING', reason: null, configurationId: null });
    // It may have finished before this tab heard of it: one read, then the live event.
    const current = await fetchOperation(operationId).catch(() => null);
    if (current) setOperation((shown) => (shown?.operationId === operationId && shown.status === 'PENDING' ? current : shown));
    if (current && current.status !== 'PENDING') router.refresh();
  };

  useLiveEvent((event) => {
    if (event.kind !== 'orchestration.changed') return;
    router.refresh();
    if (event.data.operationId !== operation?.operationId) return;
    void fetchOperation(event.data.operationId).then(setOperation, () => undefined);
  });

  const accepted = (operationId: string) => {
    setFormOpen(false);
    setEditing(null);
    void follow(operationId);
  };

  async function confirmDelete() {
    if (!deleting) return;
    setPendingDelete(true);
    try {
      const { operationId } = await apiFetch<{ operationId: string }>(`/api/admin/orchestration/configurations/${deleting.id}`, {
        method: 'DELETE',
        body: { idempotencyKey: deleteKey },
      });
      setError(null);
      setDeleteKey(crypto.randomUUID());
      void follow(operationId);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not delete.');
    } finally {
      setPendingDelete(false);
      setDeleting(null);
    }
  }

  return (
    <div className="mt-4 flex flex-col gap-4">
      {operation ? <OperationProgress operation={operation} /> : null}
      {error ? <Alert>{error}</Alert> : null}
      {formOpen ? (
        <OrchestrationForm key={editing?.id ?? 'new'} numbers={numbers} editing={editing} onAccepted={accepted} onCancel={() => setFormOpen(false)} />
      ) : (
        <div>
          <Button onClick={() => { setEditing(null); setFormOpen(true); }}>New configuration</Button>
        </div>
      )}
      <table className={`w-full text-left text-sm ${stackedTable.table}`} aria-label="Configurations">
        <thead className={`text-xs text-slate-500 ${stackedTable.head}`}>
          <tr>
            <th className="py-2">Name</th>
            <th>Grouping</th>
            <th>Captures</th>
            <th>Lifecycle</th>
            <th>Inbox</th>
            <th><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className={stackedTable.body}>
          {configurations.length === 0 ? (
            <tr><td colSpan={6} className="py-3 text-slate-500">No configurations yet: nothing is captured.</td></tr>
          ) : null}
          {configurations.map((c) => (
            <tr key={c.id} className={`border-t border-slate-100 ${stackedTable.row}`}>
              <td className={`py-2 font-medium ${stackedTable.cell} ${stackedTable.wide}`} data-label="Name">{c.displayName}<span className="ml-1 text-xs text-slate-400">v{c.version}</span></td>
              <td className={stackedTable.cell} data-label="Grouping">{GROUPING_LABELS[c.groupingType]}</td>
              <td className={`${stackedTable.cell} ${stackedTable.wide}`} data-label="Captures">{[...c.captures.SMS, ...c.captures.WHATSAPP].join(', ')}</td>
              <td className={stackedTable.cell} data-label="Lifecycle">{c.inactiveMinutes ?? '–'} / {c.closedMinutes ?? '–'} min</td>
              <td className={stackedTable.cell} data-label="Inbox">{c.bridgeServiceId ? 'Bridged' : 'Off'}</td>
              <td className={`flex gap-1 py-1 ${stackedTable.cell} ${stackedTable.wide}`}>
                <Button variant="ghost" onClick={() => { setEditing(c); setFormOpen(true); }}>Edit</Button>
                <Button variant="danger" onClick={() => setDeleting(c)}>Delete</Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete configuration?"
        confirmLabel="Delete"
        pending={pendingDelete}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      >
        Messages to and from its numbers will no longer be captured.
      </ConfirmDialog>
    </div>
  );
}

function OperationProgress({ operation }: { operation: OperationView }) {
  if (operation.status === 'PENDING') return <Alert tone="info">Twilio is applying the change…</Alert>;
  if (operation.status === 'COMPLETED') return <Alert tone="success">Change applied.</Alert>;
  return <Alert>The change failed: {operation.reason}</Alert>;
}
