'use client';

import { createContext, useContext, useSyncExternalStore } from 'react';
import type { InboxController } from '@/lib/inbox/inbox-controller';
import type { InboxState } from '@/lib/inbox/inbox-state';

export const InboxControllerContext = createContext<InboxController | null>(null);

export function useInboxController(): InboxController {
  const controller = useContext(InboxControllerContext);
  if (!controller) throw new Error('useInboxController must be used inside <InboxProvider>.');
  return controller;
}

/**
 * Reads a slice of the inbox store. The selector must return a value already in the state
 * (or a primitive), so unchanged slices keep their identity and components skip re-renders.
 */
export function useInbox<T>(selector: (state: InboxState) => T): T {
  const { store } = useInboxController();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()), () => selector(store.getState()));
}
