'use client';

import { useEffect, useState } from 'react';
import { apiFetch } from '@/lib/api/client-fetch';
import type { SearchResult } from '@/lib/search/search-conversations';
import { MIN_SEARCH_LENGTH } from '@/lib/search/search-query';

const DEBOUNCE_MS = 250;

export type SearchState = { query: string; results: SearchResult[] | null; error: string | null };

/**
 * The server's search for what is typed: asked once typing pauses, the previous request abandoned
 * when the text changes. `results` is null until the answer for the current text arrives.
 */
export function useConversationSearch(text: string): SearchState | null {
  const query = text.trim();
  const isSearching = query.length >= MIN_SEARCH_LENGTH;
  const [state, setState] = useState<SearchState | null>(null);

  useEffect(() => {
    if (!isSearching) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      apiFetch<{ results: SearchResult[] }>(`/api/search?${new URLSearchParams({ q: query })}`)
        .then(({ results }) => {
          if (!controller.signal.aborted) setState({ query, results, error: null });
        })
        .catch((error: unknown) => {
          if (!controller.signal.aborted) setState({ query, results: [], error: error instanceof Error ? error.message : 'Search failed.' });
        });
    }, DEBOUNCE_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [query, isSearching]);

  if (!isSearching) return null;
  return state?.query === query ? state : { query, results: null, error: null };
}
