'use client';

import { useEffect, useState } from 'react';
import { apiFetch } from '@/lib/api/client-fetch';
import type { TemplateView } from '@/lib/templates/template-view';

/** The templates an agent may send (approved for WhatsApp), loaded once when the picker opens. */
export function useApprovedTemplates(enabled: boolean): { templates: TemplateView[] | null; error: string | null } {
  const [templates, setTemplates] = useState<TemplateView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    apiFetch<{ templates: TemplateView[] }>('/api/templates')
      .then(({ templates: all }) => {
        if (!cancelled) setTemplates(all.filter((t) => t.whatsapp.status === 'approved'));
      })
      .catch((caught: unknown) => {
        if (!cancelled) setError(caught instanceof Error ? caught.message : 'Could not load the templates.');
      });
    return () => {
      cancelled = true;
    };
  }, [enabled]);
  return { templates, error };
}
