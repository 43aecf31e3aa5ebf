'use client';

import { useInbox } from './inbox-context';

const NOBODY: string[] = [];

export function TypingIndicator({ sid }: { sid: string }) {
  const typing = useInbox((state) => state.typing[sid] ?? NOBODY);
  const userNames = useInbox((state) => state.userNames);
  const identity = useInbox((state) => state.identity);
  const others = typing.filter((who) => who !== identity).map((who) => userNames[who] ?? 'Someone');
  const text =
    others.length === 0 ? '' : others.length === 1 ? `${others[0]} is typing…` : `${others.slice(0, -1).join(', ')} and ${others.at(-1)} are typing…`;
  return (
    <p aria-live="polite" className="h-5 px-4 text-xs italic text-slate-500" data-testid="typing-indicator">
      {text}
    </p>
  );
}
