'use client';

import { type ReactNode, useEffect, useRef } from 'react';

type Props = { open: boolean; onClose: () => void; labelledBy: string; className?: string; children: ReactNode };

/**
 * A modal on the native <dialog>: focus is trapped and restored, Escape closes it. Open and
 * closed by the `open` prop; Escape (and any close request) goes through `onClose`.
 */
export function Dialog({ open, onClose, labelledBy, className = 'max-w-md', children }: Props) {
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
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className={`m-auto w-full rounded-xl bg-white p-5 text-slate-900 shadow-xl backdrop:bg-black/50 ${className}`}
    >
      {children}
    </dialog>
  );
}
