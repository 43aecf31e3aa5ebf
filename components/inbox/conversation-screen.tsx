'use client';

import { DetailsPanel } from './details-panel';
import { ThreadView } from './thread-view';

export function ConversationScreen({ sid }: { sid: string }) {
  return (
    <div className="grid h-full min-h-0 grid-cols-1 lg:grid-cols-[1fr_18rem]">
      <ThreadView key={sid} sid={sid} />
      <div className="hidden min-h-0 lg:block">
        <DetailsPanel sid={sid} />
      </div>
    </div>
  );
}
