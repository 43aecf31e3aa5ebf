'use client';

import { type ReactNode, useId } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';

type Props = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** A modal yes/no question. */
export function ConfirmDialog({ open, title, children, confirmLabel, pending, onConfirm, onCancel }: Props) {
  // Several confirmations can be mounted at once (one per table row), so each names its own title.
  const titleId = useId();
  return (
    <Dialog open={open} onClose={onCancel} labelledBy={titleId} className="max-w-sm">
      <h2 id={titleId} className="text-base font-semibold">{title}</h2>
      <div className="mt-2 text-sm text-slate-600">{children}</div>
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={pending}>Cancel</Button>
        <Button variant="danger" onClick={onConfirm} disabled={pending}>{pending ? 'Working…' : confirmLabel}</Button>
      </div>
    </Dialog>
  );
}
