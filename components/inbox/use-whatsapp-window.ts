'use client';

import type { MessageRecord } from '@/lib/conversations/view-records';
import { useNow } from './use-now';

/** WhatsApp's customer service window: 24 hours from the customer's last message. */
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

export type WhatsAppWindow = { isOpen: boolean; closesAt: number | null; remainingMs: number };

/**
 * Where the window stands now, from the customer's newest message in the thread; it ticks every
 * 30 s so the countdown and the switch to template mode happen on their own. Twilio's clock is the
 * reference: the browser's clock stands in for it (both are real time outside the emulator).
 */
export function useWhatsAppWindow(messages: readonly MessageRecord[] | undefined, customerAddress: string | null): WhatsAppWindow {
  const now = useNow(30_000);
  const lastInbound = customerAddress
    ? (messages ?? []).reduce((latest, m) => (m.author === customerAddress && m.dateCreated > latest ? m.dateCreated : latest), 0)
    : 0;
  if (lastInbound === 0) return { isOpen: false, closesAt: null, remainingMs: 0 };
  const closesAt = lastInbound + WHATSAPP_WINDOW_MS;
  // A message newer than the last tick counts from its own time: a full window, never more.
  const remainingMs = Math.min(WHATSAPP_WINDOW_MS, Math.max(0, closesAt - now));
  return { isOpen: remainingMs > 0, closesAt, remainingMs };
}

/** "3 h 12 min", "45 min", "less than a minute". */
export function formatRemaining(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}
