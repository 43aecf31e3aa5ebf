'use client';

import { useEffect, useRef } from 'react';

/** What a shortcut or the command palette asks the open conversation's composer to do. */
export type ComposerCommand = 'reply' | 'note';

/** What a shortcut or the command palette asks the open conversation's details (or header) to do. */
export type ConversationCommand = 'label' | 'snooze' | 'transfer' | 'close';

const COMPOSER_EVENT = 'switchboard:composer-command';
const CONVERSATION_EVENT = 'switchboard:conversation-command';

function send<T>(event: string, command: T): void {
  window.dispatchEvent(new CustomEvent<T>(event, { detail: command }));
}

function useCommands<T>(event: string, handler: (command: T) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const listener = (received: Event) => latest.current((received as CustomEvent<T>).detail);
    window.addEventListener(event, listener);
    return () => window.removeEventListener(event, listener);
  }, [event]);
}

export function sendComposerCommand(command: ComposerCommand): void {
  send(COMPOSER_EVENT, command);
}

/** The composer's side: it owns its mode and focus, so it acts on the command itself. */
export function useComposerCommands(handler: (command: ComposerCommand) => void): void {
  useCommands(COMPOSER_EVENT, handler);
}

export function sendConversationCommand(command: ConversationCommand): void {
  send(CONVERSATION_EVENT, command);
}

/** The side that owns the labels, snooze, transfer and close controls acts on the command itself. */
export function useConversationCommands(handler: (command: ConversationCommand) => void): void {
  useCommands(CONVERSATION_EVENT, handler);
}

/** Whether an element is on screen: the desktop details panel stays mounted but hidden on narrow screens. */
export function isShown(element: Element | null): boolean {
  return Boolean(element && element.getClientRects().length > 0);
}
