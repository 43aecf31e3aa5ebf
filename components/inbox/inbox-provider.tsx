'use client';

import { type ReactNode, useEffect, useState } from 'react';
import { InboxController } from '@/lib/inbox/inbox-controller';
import { InboxControllerContext } from './inbox-context';

function endSession() {
  // A full page load, not a client navigation: it drops the SDK client and everything it held.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign('/login');
}

/** One SDK client per page, connected in the browser and shut down when the inbox unmounts. */
export function InboxProvider({ children }: { children: ReactNode }) {
  const [controller] = useState(() => new InboxController(endSession));

  useEffect(() => {
    void controller.start();
    return () => controller.shutdown();
  }, [controller]);

  return <InboxControllerContext.Provider value={controller}>{children}</InboxControllerContext.Provider>;
}
