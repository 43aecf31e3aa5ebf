'use client';

import { useOtherViewers } from './use-viewers';

/** "Sam Rivera is viewing" / "Sam Rivera is typing…": so two people don't answer at once. */
export function CollisionNotice({ conversationSid, selfId }: { conversationSid: string; selfId: string | null }) {
  // Subscribed here, not in the thread, so a presence change re-renders only this line.
  const viewers = useOtherViewers(conversationSid, selfId);
  if (viewers.length === 0) return null;
  const typing = viewers.filter((viewer) => viewer.typing).map((viewer) => viewer.name);
  const viewing = viewers.filter((viewer) => !viewer.typing).map((viewer) => viewer.name);
  const parts = [
    typing.length ? `${typing.join(', ')} ${typing.length === 1 ? 'is' : 'are'} typing…` : null,
    viewing.length ? `${viewing.join(', ')} ${viewing.length === 1 ? 'is' : 'are'} viewing` : null,
  ].filter(Boolean);
  return (
    <p role="status" data-testid="collision-notice" className="border-b border-amber-200 bg-amber-50 px-4 py-1 text-xs text-amber-900">
      {parts.join(' · ')}
    </p>
  );
}
