'use client';

import { type ReactNode, useEffect, useRef } from 'react';
import { Button } from './button';

type Props = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** A modal question on the native <dialog> (focus trapping and Escape for free). */
export function ConfirmDialog({ open, title, children, confirmLabel, pending, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      aria-labelledby="confirm-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      className="m-auto w-full max-w-sm rounded-xl p-5 shadow-xl backdrop:bg-slate-900/30"
    >
      <h2 id="confirm-dialog-title" className="text-base font-semibold">{title}</h2>
      <div className="mt-2 text-sm text-slate-600">{children}</div>
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={pending}>Cancel</Button>
        <Button variant="danger" onClick={onConfirm} disabled={pending}>{pending ? 'Working…' : confirmLabel}</Button>
      </div>
    </dialog>
  );
}
