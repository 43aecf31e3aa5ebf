import type { ConversationRecord, ConversationState } from '../store/records';
import { mutate, type DomainContext } from './context';
import type { DomainEvent } from './events';
import { SYSTEM_ORIGIN } from './origin';

/**
 * The moment a conversation's next timer fires (emulator time, ms), or null when none is armed: the
 * inactive timer while active, the closed timer until closed. The timer service schedules on this.
 */
export const nextTimerDue = (conversation: Pick<ConversationRecord, 'state' | 'timers'>): number | null => {
  const dates: number[] = [];
  if (conversation.state === 'active' && conversation.timers.dateInactive) dates.push(Date.parse(conversation.timers.dateInactive));
  if (conversation.state !== 'closed' && conversation.timers.dateClosed) dates.push(Date.parse(conversation.timers.dateClosed));
  return dates.length === 0 ? null : Math.min(...dates);
};

/** The transitions due at `nowMs`, in time order: active → inactive, then → closed. */
const dueSteps = (conversation: ConversationRecord, nowMs: number): ConversationState[] => {
  const steps: ConversationState[] = [];
  const { dateInactive, dateClosed } = conversation.timers;
  if (conversation.state === 'active' && dateInactive && Date.parse(dateInactive) <= nowMs) steps.push('inactive');
  if (conversation.state !== 'closed' && dateClosed && Date.parse(dateClosed) <= nowMs) steps.push('closed');
  return steps;
};

/**
 * Fires whatever timers of one conversation are due now (States and Timers page): `active → inactive`
 * by `timers.inactive`, `→ closed` by `timers.closed`. Decided against the record as it is when the
 * change is applied, so a message that arrived first (re-arming the timers) wins. One
 * `conversation.state-updated` (reason `timer`) per step.
 */
export const fireDueTimers = (ctx: DomainContext, conversationSid: string): Promise<ConversationRecord | null> =>
  mutate(ctx, {
    // No hook, so nothing is awaited between prepare and apply: the record read here is current.
    prepare: () => ctx.store.get('conversations', conversationSid) ?? null,
    hook: () => null,
    apply: (current) => {
      if (!current) return { result: null, events: [] };
      const events: DomainEvent[] = [];
      const iso = ctx.clock.isoNow();
      let record = current;
      for (const state of dueSteps(current, ctx.clock.now())) {
        const next: ConversationRecord = {
          ...record,
          state,
          // The closed timer keeps the base it was armed from (last activity or manual state change).
          timers: { ...record.timers, dateInactive: null, dateClosed: state === 'closed' ? null : record.timers.dateClosed },
          dateUpdated: iso,
        };
        events.push({
          type: 'conversation.state-updated',
          conversation: next,
          previousState: record.state,
          reason: 'timer',
          origin: SYSTEM_ORIGIN,
          at: iso,
          serviceSid: next.serviceSid,
        });
        record = next;
      }
      if (record !== current) ctx.store.replace('conversations', record);
      return { result: record, events };
    },
  });
