'use client';

import { useLiveEvent } from '@/components/live/use-live-event';
import { useInboxController } from './inbox-context';

/**
 * A conversation assigned or transferred to this agent appears in the list as soon as the
 * live stream says so, without waiting for the SDK to join it (which then takes over the row).
 */
export function useLiveAssignments(viewerId: string): void {
  const controller = useInboxController();
  useLiveEvent((event) => {
    if (event.kind !== 'assignment.changed') return;
    const { conversationSid, toUserId, fromUserId } = event.data;
    if (toUserId === viewerId) void controller.showAssigned(conversationSid);
    else if (fromUserId === viewerId) controller.forgetUnconfirmed(conversationSid);
  });
}
