import { db } from '@/lib/db/client';
import { SUPERVISORS } from '@/lib/live/audiences';
import { publishLiveEventAfterWrite } from '@/lib/live/publish-live-event';
import { log } from '@/lib/observability/log';
import { metrics } from '@/lib/observability/metrics';
import { stripControlCharacters } from '@/lib/text/control-characters';

type DeadLetter = {
  source: 'webhook';
  eventType: string | null;
  conversationSid: string | null;
  /** Twilio's idempotency token: its retries of one delivery share one row. */
  reference: string | null;
  reason: string;
  payload: string;
};

/**
 * Sets aside what could not be processed, with why — never silently dropped. If even that fails
 * (the database is what is down), the structured log keeps it and the reconciler repairs what
 * the event would have done.
 */
export async function recordDeadLetter(letter: DeadLetter): Promise<void> {
  metrics.deadLetters.inc({ source: letter.source });
  log.error('dead_letter', { ...letter, payload: undefined, payloadBytes: letter.payload.length });
  const fields = { ...letter, reason: stripControlCharacters(letter.reason).slice(0, 2000), payload: stripControlCharacters(letter.payload) };
  try {
    if (letter.reference) {
      await db.deadLetter.upsert({
        where: { reference: letter.reference },
        create: fields,
        update: { reason: fields.reason, attempts: { increment: 1 }, resolvedAt: null },
      });
    } else {
      await db.deadLetter.create({ data: fields });
    }
    await publishLiveEventAfterWrite({ kind: 'attention.changed', data: {}, audience: SUPERVISORS });
  } catch (error) {
    log.error('dead_letter.not_recorded', { reference: letter.reference, eventType: letter.eventType, error });
  }
}

/** A retry of the same delivery went through: its dead letter needs no one any more. */
export async function resolveDeadLetter(reference: string): Promise<void> {
  const { count } = await db.deadLetter.updateMany({ where: { reference, resolvedAt: null }, data: { resolvedAt: new Date() } });
  if (count > 0) await publishLiveEventAfterWrite({ kind: 'attention.changed', data: {}, audience: SUPERVISORS });
}
