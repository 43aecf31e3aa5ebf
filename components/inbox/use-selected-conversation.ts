'use client';

import { usePathname } from 'next/navigation';
import type { MouseEvent } from 'react';
import { CONVERSATION_SID } from '@/lib/twilio/sids';

const CONVERSATION_PATH = new RegExp(`^/inbox/(${CONVERSATION_SID.source.slice(1, -1)})$`);

/** The conversation in the URL (/inbox/CH…), or undefined on /inbox. */
export function useSelectedConversationSid(): string | undefined {
  return CONVERSATION_PATH.exec(usePathname() ?? '')?.[1];
}

/**
 * Switching conversations changes only the URL (history.pushState, which Next's router
 * follows): the inbox already has everything it needs in the browser, so no round trip to
 * the server. Modified clicks (new tab, new window) keep the link's normal behaviour.
 */
export function openConversationInPlace(event: MouseEvent<HTMLAnchorElement>, sid: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  if (window.location.pathname !== `/inbox/${sid}`) window.history.pushState(null, '', `/inbox/${sid}`);
}
