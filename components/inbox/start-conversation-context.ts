'use client';

import { createContext, useContext } from 'react';

/** What "New conversation" opens with when started from somewhere (a contact's panel). */
export type StartConversationDraft = { channel: 'sms' | 'whatsapp'; customerNumber: string; customerName: string };

export const StartConversationContext = createContext<((draft: StartConversationDraft) => void) | null>(null);

/** Opens the inbox's "New conversation" filled in; null outside the inbox. */
export function useStartConversationWith(): ((draft: StartConversationDraft) => void) | null {
  return useContext(StartConversationContext);
}
