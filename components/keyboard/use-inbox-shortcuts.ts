'use client';

import { useEffect } from 'react';
import { sendComposerCommand } from './inbox-commands';

type Handlers = { openPalette: () => void; openHelp: () => void };

// Typing a message or a search is never a shortcut.
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Moves to the row `step` away from the open conversation, in the list's own order. */
function openNeighbour(step: 1 | -1): void {
  const rows = Array.from(document.querySelectorAll<HTMLAnchorElement>('a[data-row-index]'));
  if (rows.length === 0) return;
  const current = rows.findIndex((row) => row.getAttribute('aria-current') === 'page');
  const currentIndex = current === -1 ? -1 : Number(rows[current]!.dataset.rowIndex);
  const target = current === -1 ? rows[0] : rows.find((row) => Number(row.dataset.rowIndex) === currentIndex + step);
  if (!target) return;
  target.click();
  target.scrollIntoView({ block: 'nearest' });
}

export function useInboxShortcuts({ openPalette, openHelp }: Handlers): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        openPalette();
        return;
      }
      if (event.key === 'Escape' && event.target instanceof HTMLTextAreaElement && event.target.closest('form')) {
        event.target.blur();
        return;
      }
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      // A modal (palette, help, confirmation) has the keyboard.
      if (document.querySelector('dialog[open]')) return;
      const action = { j: () => openNeighbour(1), k: () => openNeighbour(-1), r: () => sendComposerCommand('reply'), n: () => sendComposerCommand('note'), '?': openHelp }[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openPalette, openHelp]);
}
