import { type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from 'react';

const CONTROL = 'rounded-md border border-slate-300 bg-white px-3 py-2 text-sm';

type FieldProps = { label: string; hint?: ReactNode; error?: string };

/** A label over its control, with an optional hint or error below: the layout `TextField` has. */
function LabelledField({ id, label, hint, error, children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {error ? <p className="text-xs text-red-700">{error}</p> : null}
    </div>
  );
}

export function SelectField({ label, hint, error, ...props }: SelectHTMLAttributes<HTMLSelectElement> & FieldProps) {
  const id = useId();
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      <select id={id} className={CONTROL} {...props} />
    </LabelledField>
  );
}

export function TextAreaField({ label, hint, error, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps) {
  const id = useId();
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      <textarea id={id} className={CONTROL} {...props} />
    </LabelledField>
  );
}
