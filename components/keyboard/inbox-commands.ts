'use client';

import { useEffect, useRef } from 'react';

/** What a shortcut or the command palette asks the open conversation's composer to do. */
export type ComposerCommand = 'reply' | 'note';

const EVENT = 'switchboard:composer-command';

export function sendComposerCommand(command: ComposerCommand): void {
  window.dispatchEvent(new CustomEvent<ComposerCommand>(EVENT, { detail: command }));
}

/** The composer's side: it owns its mode and focus, so it acts on the command itself. */
export function useComposerCommands(handler: (command: ComposerCommand) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const listener = (event: Event) => latest.current((event as CustomEvent<ComposerCommand>).detail);
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, []);
}
