import type { LiveEvent } from '@/lib/live/live-events';

/** The live events that change the supervisors' floor: the console re-reads it on these. */
export const FLOOR_EVENTS: ReadonlySet<string> = new Set<LiveEvent['kind']>(['assignment.changed', 'conversation.updated', 'team.changed', 'settings.changed', 'attention.changed', 'labels.changed']);
