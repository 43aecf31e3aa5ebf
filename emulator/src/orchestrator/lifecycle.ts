import type { OrchestratorContext } from './context';
import type { ConversationStatus, V2ConversationRecord } from './records';

const MINUTE_MS = 60_000;

/** The statuses a conversation has reached by `now`, from its channel's statusTimeouts. */
const dueStatus = (ctx: OrchestratorContext, conversation: V2ConversationRecord, now: number): { status: ConversationStatus; nextAt: number | null } => {
  const configuration = ctx.state().configurations[conversation.configurationId];
  const timeouts = conversation.channel ? configuration?.channelSettings[conversation.channel]?.statusTimeouts : undefined;
  const elapsed = now - conversation.lastCommunicationAt;
  const inactiveAt = timeouts?.inactive !== undefined ? timeouts.inactive * MINUTE_MS : null;
  const closedAt = timeouts?.closed !== undefined ? timeouts.closed * MINUTE_MS : null;
  if (closedAt !== null && elapsed >= closedAt) return { status: 'CLOSED', nextAt: null };
  if (inactiveAt !== null && elapsed >= inactiveAt) return { status: 'INACTIVE', nextAt: closedAt === null ? null : conversation.lastCommunicationAt + closedAt };
  const next = [inactiveAt, closedAt].filter((t): t is number => t !== null);
  return { status: conversation.status, nextAt: next.length > 0 ? conversation.lastCommunicationAt + Math.min(...next) : null };
};

/** When this conversation's next status change is due (emulator ms), or null. */
export const nextDeadline = (ctx: OrchestratorContext, conversation: V2ConversationRecord): number | null =>
  conversation.status === 'CLOSED' ? null : dueStatus(ctx, conversation, ctx.clock.now()).nextAt;

/**
 * Lifecycle on the emulator clock: ACTIVE → INACTIVE → CLOSED, both timeouts counted from the last
 * communication. A conversation that passed both at once goes through INACTIVE first, so every change
 * is reported. Returns the earliest deadline still ahead (emulator ms), or null.
 */
export const applyTimeouts = (ctx: OrchestratorContext): number | null => {
  const now = ctx.clock.now();
  const state = ctx.state();
  let earliest: number | null = null;
  for (const conversation of Object.values(state.conversations)) {
    if (conversation.status === 'CLOSED') continue;
    const { status, nextAt } = dueStatus(ctx, conversation, now);
    if (nextAt !== null && (earliest === null || nextAt < earliest)) earliest = nextAt;
    if (status === conversation.status) continue;
    let current = conversation;
    const steps: ConversationStatus[] = status === 'CLOSED' && current.status === 'ACTIVE' && hasInactive(ctx, current) ? ['INACTIVE', 'CLOSED'] : [status];
    for (const step of steps) {
      const previous = current.status;
      current = { ...current, status: step, updatedAt: ctx.clock.isoNow(), groupKey: step === 'CLOSED' ? null : current.groupKey };
      state.conversations[current.id] = current;
      if (step === 'CLOSED' && conversation.groupKey && state.groups[conversation.groupKey] === current.id) delete state.groups[conversation.groupKey];
      ctx.statusChanged(current, previous);
    }
    ctx.changed();
  }
  return earliest;
};

const hasInactive = (ctx: OrchestratorContext, conversation: V2ConversationRecord) => {
  const configuration = ctx.state().configurations[conversation.configurationId];
  return conversation.channel !== null && configuration?.channelSettings[conversation.channel]?.statusTimeouts?.inactive !== undefined;
};
