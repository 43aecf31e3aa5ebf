'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useSyncExternalStore } from 'react';
import { conversationTitle } from '@/lib/inbox/conversation-view';
import { useInboxController } from './inbox-context';

type Permission = NotificationPermission | 'unsupported';

// Notification.permission has no change event; the one place that changes it tells listeners.
const permissionListeners = new Set<() => void>();
const readPermission = (): Permission => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);

/**
 * A new message from someone else while the tab is hidden: a short chime and, once the agent
 * allowed it, a desktop notification that opens the conversation.
 */
export function useNewMessageAlerts() {
  const controller = useInboxController();
  const router = useRouter();
  const permission = useSyncExternalStore(
    (listener) => {
      permissionListeners.add(listener);
      return () => permissionListeners.delete(listener);
    },
    readPermission,
    () => 'unsupported' as Permission,
  );

  useEffect(
    () =>
      controller.onIncomingMessage((message) => {
        if (document.visibilityState === 'visible') return;
        chime();
        if (readPermission() !== 'granted') return;
        const record = controller.store.getState().conversations[message.conversation.sid];
        const notification = new Notification(record ? conversationTitle(record) : 'New message', {
          body: message.body ?? 'Sent an attachment',
          tag: message.conversation.sid,
          // The installed app's icon (app/manifest.ts).
          icon: '/icons/icon-192.png',
        });
        notification.onclick = () => {
          window.focus();
          router.push(`/inbox/${message.conversation.sid}`);
        };
      }),
    [controller, router],
  );

  async function requestPermission() {
    if (typeof Notification === 'undefined') return;
    await Notification.requestPermission();
    permissionListeners.forEach((listener) => listener());
  }

  return { permission, requestPermission };
}

let audio: AudioContext | undefined;

/** Two soft notes from an oscillator: no sound file to ship. */
function chime() {
  try {
    audio ??= new AudioContext();
    const start = audio.currentTime;
    for (const [offset, frequency] of [[0, 880], [0.12, 1320]] as const) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.08, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.25);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.25);
    }
  } catch {
    // Autoplay policies may refuse sound before any interaction; the notification still shows.
  }
}
