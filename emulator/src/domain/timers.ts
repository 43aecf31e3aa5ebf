import { toTwilioDate } from '../clock';
import type { ConversationRecord, ConversationTimers } from '../store/records';
import { parseDuration } from './validate';

/** Minimums from the States and Timers page. */
export const MIN_INACTIVE_SECONDS = 60;
export const MIN_CLOSED_SECONDS = 600;

export const durationSeconds = (duration: string | null): number =>
  duration === null ? 0 : parseDuration(duration, 'Timers', 0);

/**
 * Arms the timers from `baseMs` (the last activity or manual state change): an active conversation
 * goes inactive after `inactive`, and any non-closed one closes after `closed`, both counted from the
 * same base as in Twilio's examples. Firing them is the timer service's job; the dates here
 * are what the API reports and what that service schedules on.
 */
export const armTimers = (
  timers: Pick<ConversationTimers, 'inactive' | 'closed'>,
  state: ConversationRecord['state'],
  baseMs: number,
): ConversationTimers => {
  const inactive = durationSeconds(timers.inactive);
  const closed = durationSeconds(timers.closed);
  return {
    inactive: timers.inactive,
    closed: timers.closed,
    dateInactive: state === 'active' && inactive > 0 ? toTwilioDate(baseMs + inactive * 1000) : null,
    dateClosed: state !== 'closed' && closed > 0 ? toTwilioDate(baseMs + closed * 1000) : null,
  };
};
