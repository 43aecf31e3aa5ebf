'use client';

import { useCallback, useEffect, useState } from 'react';
import { ControlApiError, loadPhone, phoneEventsUrl, ZPhoneMessage, type TPhoneMessage } from './control-api';
import { mergeMessage } from './phone-threads';

export type PhoneFeed = {
  messages: TPhoneMessage[];
  reachable: boolean;
  isLive: boolean;
  error: string | null;
  /** Applies a message this page just sent, before its event arrives. */
  apply: (message: TPhoneMessage) => void;
  setReachable: (reachable: boolean) => void;
};

/**
 * What the phone holds, kept live by the emulator's Server-Sent Events for this phone. On every
 * (re)connect the whole list is reloaded, then events are merged by SID, so a dropped connection
 * misses nothing; EventSource reconnects by itself.
 */
export function usePhoneFeed(emulatorUrl: string, address: string | null): PhoneFeed {
  // Tagged with the phone they belong to, so switching phones never shows the previous one's messages.
  const [held, setHeld] = useState<{ address: string | null; messages: TPhoneMessage[] }>({ address: null, messages: [] });
  const messages = held.address === address ? held.messages : [];
  const setMessages = useCallback(
    (update: (current: TPhoneMessage[]) => TPhoneMessage[]) =>
      setHeld((current) => ({ address, messages: update(current.address === address ? current.messages : []) })),
    [address],
  );
  const [reachable, setReachable] = useState(true);
  const [isLive, setIsLive] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!address) return;
    let cancelled = false;
    const reload = () =>
      loadPhone(emulatorUrl, address).then(
        (feed) => {
          if (cancelled) return;
          setMessages(() => feed.messages);
          setReachable(feed.reachable);
          setError(null);
        },
        (cause: unknown) => {
          if (!cancelled) setError(cause instanceof ControlApiError ? cause.message : 'Could not load this phone’s messages.');
        },
      );
    void reload();
    const events = new EventSource(phoneEventsUrl(emulatorUrl, address));
    events.addEventListener('open', () => {
      setIsLive(true);
      void reload();
    });
    events.addEventListener('error', () => setIsLive(false));
    events.addEventListener('message', (event) => {
      const parsed = ZPhoneMessage.safeParse(JSON.parse((event as MessageEvent<string>).data));
      if (parsed.success) setMessages((current) => mergeMessage(current, parsed.data));
    });
    events.addEventListener('phone', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { reachable?: unknown };
      if (typeof data.reachable === 'boolean') setReachable(data.reachable);
    });
    events.addEventListener('reset', () => void reload());
    return () => {
      cancelled = true;
      events.close();
      setIsLive(false);
    };
  }, [emulatorUrl, address, setMessages]);

  const apply = useCallback((message: TPhoneMessage) => setMessages((current) => mergeMessage(current, message)), [setMessages]);
  return { messages, reachable, isLive, error, apply, setReachable };
}
