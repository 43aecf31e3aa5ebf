'use client';

import { useEffect } from 'react';
import { isShown, sendComposerCommand, sendConversationCommand } from './inbox-commands';

type Handlers = { openPalette: () => void; openHelp: () => void };

// Keys that only toggle or press (a label's checkbox after `l`) leave the shortcuts on.
const NOT_TYPED = ['checkbox', 'radio', 'button', 'submit', 'reset'];

// Typing a message or a search is never a shortcut.
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TYPED.includes(target.type);
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName);
}

const SEARCH = 'input[aria-label="Search conversations"]';

/** `/`: the list's search box; on a phone showing a conversation, back to the list first. */
export function focusSearch(): void {
  const box = document.querySelector<HTMLInputElement>(SEARCH);
  if (isShown(box)) {
    box!.focus();
    box!.select();
    return;
  }
  window.history.pushState(null, '', '/inbox');
  requestAnimationFrame(() => document.querySelector<HTMLInputElement>(SEARCH)?.focus());
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
      if (event.key === 'Escape' && ((event.target instanceof HTMLTextAreaElement && event.target.closest('form')) || (event.target instanceof HTMLInputElement && event.target.matches(SEARCH)))) {
        event.target.blur();
        return;
      }
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      // A modal (palette, help, confirmation) has the keyboard.
      if (document.querySelector('dialog[open]')) return;
      const action = {
        j: () => openNeighbour(1),
        k: () => openNeighbour(-1),
        r: () => sendComposerCommand('reply'),
        n: () => sendComposerCommand('note'),
        l: () => sendConversationCommand('label'),
        s: () => sendConversationCommand('snooze'),
        t: () => sendConversationCommand('transfer'),
        e: () => sendConversationCommand('close'),
        '/': focusSearch,
        '?': openHelp,
      }[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openPalette, openHelp]);
}
