'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApiError } from '@/lib/api/client-fetch';

type Options<Field extends string> = {
  fallback?: string;
  refreshAfter?: boolean;
  /** Fields the form shows errors beside: the server's problems with them go there, not to `error`. */
  fields?: readonly Field[];
};

/**
 * Runs one API call at a time and keeps its failure for display: the server's message, or
 * `fallback` when it sent none. With `refreshAfter`, the page's server data reloads on success.
 */
export function useAction<Field extends string = never>({ fallback = 'Something went wrong. Try again.', refreshAfter = false, fields = [] }: Options<Field> = {}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});

  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      await action();
      if (refreshAfter) router.refresh();
      return true;
    } catch (caught) {
      const shown = caught instanceof ApiError ? fieldErrorsOf(caught, fields) : null;
      if (shown) setFieldErrors(shown);
      else setError(caught instanceof ApiError ? caught.message : fallback);
      return false;
    } finally {
      setPending(false);
    }
  }

  return { run, pending, error, setError, fieldErrors, setFieldErrors };
}

// Only when every problem belongs to a shown field: otherwise the whole message is the error.
function fieldErrorsOf<Field extends string>(error: ApiError, fields: readonly Field[]): Partial<Record<Field, string>> | null {
  if (error.issues.length === 0 || !error.issues.every((issue) => (fields as readonly string[]).includes(issue.path))) return null;
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of error.issues) errors[issue.path as Field] ??= issue.message;
  return errors;
}
