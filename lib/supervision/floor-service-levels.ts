import type { FloorConversation } from './floor-overview';
import { serviceLevelStatus, type ServiceLevelStatus, type ServiceLevelTargets } from './service-levels';

export type FloorRow = FloorConversation & ServiceLevelStatus;

const at = (iso: string | null) => (iso ? new Date(iso) : null);

/**
 * The floor's conversations with their waits and breaches as of `now`: the console recomputes
 * them as the clock runs, between the events that bring new data. Shared with the browser.
 */
export function withServiceLevels(conversations: FloorConversation[], targets: ServiceLevelTargets, now: number): FloorRow[] {
  const instant = new Date(now);
  return conversations.map((conversation) => ({
    ...conversation,
    ...serviceLevelStatus(
      { firstInboundAt: at(conversation.firstInboundAt), firstResponseAt: at(conversation.firstResponseAt), awaitingReplySince: at(conversation.awaitingReplySince) },
      targets,
      instant,
    ),
  }));
}
