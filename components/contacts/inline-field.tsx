'use client';

import { useState } from 'react';

type Props = {
  label: string;
  value: string | null;
  placeholder: string;
  onSave: (value: string) => Promise<unknown>;
  /** Shown as the value's tooltip (a number behind a name). */
  title?: string;
  className?: string;
};

/** A value edited in place: click to edit, Enter (or leaving the field) saves, Escape cancels. */
export function InlineField({ label, value, placeholder, onSave, title, className = '' }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (draft === null) return;
    const next = draft.trim();
    setDraft(null);
    if (next === (value ?? '')) return;
    try {
      setError(null);
      await onSave(next);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'Not saved.');
      setDraft(next);
    }
  };
  if (draft !== null) {
    return (
      <span className="flex flex-col">
        <input
          aria-label={label}
          autoFocus
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={() => void save()}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void save();
            } else if (event.key === 'Escape') {
              setDraft(null);
              setError(null);
            }
          }}
          className={`rounded border border-slate-300 px-1.5 py-0.5 ${className}`}
        />
        {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
      </span>
    );
  }
  return (
    <button type="button" title={title} onClick={() => setDraft(value ?? '')} className={`truncate rounded px-1 text-left hover:bg-slate-100 ${value ? '' : 'text-slate-500'} ${className}`}>
      {/* The accessible name holds the visible text: "Edit customer name: Dana Whitfield". */}
      <span className="sr-only">Edit {label.toLowerCase()}: </span>
      <span data-testid="inline-value">{value || placeholder}</span>
    </button>
  );
}
