import { z } from 'zod';
import type { Carrier } from '../carrier/carrier';
import { TwilioError, invalidParam, notFound } from '../domain/errors';
import { parse, str, list } from '../rest/params';
import { newSid } from '../store/sid';
import { encodeParams, twilioSignature } from '../webhooks/signature';
import type { OrchestratorContext } from './context';
import type { Orchestrator } from './orchestrator';
import type { SmsMessageRecord } from './records';

/**
 * Programmable Messaging's Message resource (`client.messages.create({ from, to, body })`): text from one
 * of the account's numbers to a phone, through the carrier, captured by Conversation Orchestrator like
 * any traffic (its communication's `channelId` is the SID answered here). Sending is limited per From
 * number by the emulator's rate limiter (429 with Retry-After, as Twilio's queue-full answer).
 */
const MessageForm = z.object({ To: str(), From: str(), Body: str(), StatusCallback: str(), MediaUrl: list(), MessagingServiceSid: str() });

/** Messaging error codes Twilio's docs name. */
const MESSAGING_CODES = { bodyRequired: 21602, fromNotOwned: 21606, toInvalid: 21211 } as const;

const ADDRESS = /^(whatsapp:)?\+[1-9]\d{6,14}$/;

export const createSmsMessage = (
  ctx: OrchestratorContext,
  deps: { carrier: Carrier; orchestrator: Orchestrator; authToken: string },
  form: URLSearchParams,
): SmsMessageRecord => {
  const input = parse(MessageForm, form);
  const from = input.From ?? '';
  const to = input.To ?? '';
  if (!ADDRESS.test(to)) throw new TwilioError(MESSAGING_CODES.toInvalid, 400, `The 'To' number ${to} is not a valid phone number.`);
  if (!ctx.core.numbers.includes(from)) throw new TwilioError(MESSAGING_CODES.fromNotOwned, 400, `The 'From' number ${from} is not a number of this account.`);
  if (from.startsWith('whatsapp:') !== to.startsWith('whatsapp:')) throw invalidParam("'From' and 'To' must be on the same channel");
  if ((input.MediaUrl ?? []).length > 0) throw invalidParam("'MediaUrl' is not supported by the emulator's Messages resource: send text");
  const body = input.Body ?? '';
  if (body.trim() === '') throw new TwilioError(MESSAGING_CODES.bodyRequired, 400, 'Message body is required.');
  if (body.length > 1600) throw invalidParam("'Body' is longer than 1600 characters");
  ctx.core.limiter.take(`messages:${from}`, `Number ${from}`);
  const now = ctx.clock.isoNow();
  const channel = to.startsWith('whatsapp:') ? 'whatsapp' : 'sms';
  const record: SmsMessageRecord = {
    sid: newSid(channel === 'whatsapp' ? 'WA' : 'SM'),
    seq: ctx.nextSeq(),
    from,
    to,
    body,
    status: 'queued',
    errorCode: null,
    errorMessage: null,
    dateCreated: now,
    dateUpdated: now,
    statusCallback: input.StatusCallback ?? null,
  };
  ctx.state().smsMessages[record.sid] = record;
  ctx.changed();
  ctx.later(() => deliver(ctx, deps, record.sid, channel));
  return record;
};

const setStatus = (ctx: OrchestratorContext, sid: string, status: SmsMessageRecord['status'], errorCode: number | null = null) => {
  const current = ctx.state().smsMessages[sid];
  if (!current) return null;
  const next = { ...current, status, errorCode, errorMessage: errorCode ? 'Unreachable destination handset' : null, dateUpdated: ctx.clock.isoNow() };
  ctx.state().smsMessages[sid] = next;
  ctx.changed();
  return next;
};

const deliver = async (ctx: OrchestratorContext, deps: { carrier: Carrier; orchestrator: Orchestrator; authToken: string }, sid: string, channel: 'sms' | 'whatsapp') => {
  const sent = setStatus(ctx, sid, 'sent');
  if (!sent) return;
  deps.orchestrator.traffic.outbound({ direction: 'OUTBOUND', channel, from: sent.from, to: sent.to, body: sent.body, hasMedia: false, channelId: sid });
  await callback(sent, deps.authToken);
  const outcome = await deps.carrier.deliverDirect({ sid, channel, from: sent.from, to: sent.to, body: sent.body });
  const final = setStatus(ctx, sid, outcome, outcome === 'undelivered' ? 30003 : null);
  deps.orchestrator.traffic.delivery(sid, outcome === 'delivered' ? 'DELIVERED' : 'FAILED');
  if (final) await callback(final, deps.authToken);
};

/** The message's StatusCallback, signed as Twilio signs webhooks. A failed callback is not retried. */
const callback = async (message: SmsMessageRecord, authToken: string) => {
  if (!message.statusCallback) return;
  const params: Record<string, string> = {
    MessageSid: message.sid,
    SmsSid: message.sid,
    MessageStatus: message.status,
    SmsStatus: message.status,
    From: message.from,
    To: message.to,
    ...(message.errorCode ? { ErrorCode: String(message.errorCode) } : {}),
  };
  await fetch(message.statusCallback, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilioSignature(authToken, message.statusCallback, params) },
    body: encodeParams(params),
    signal: AbortSignal.timeout(15_000),
  }).then((r) => r.arrayBuffer(), () => undefined);
};

export const getSmsMessage = (ctx: OrchestratorContext, sid: string): SmsMessageRecord => {
  const found = ctx.state().smsMessages[sid];
  if (!found) throw notFound(`/2010-04-01/Accounts/${ctx.core.accountSid}/Messages/${sid}.json`);
  return found;
};

const rfc2822 = (iso: string) => new Date(iso).toUTCString().replace('GMT', '+0000');

export const smsMessageJson = (accountSid: string, m: SmsMessageRecord) => ({
  account_sid: accountSid,
  api_version: '2010-04-01',
  body: m.body,
  date_created: rfc2822(m.dateCreated),
  date_sent: m.status === 'queued' ? null : rfc2822(m.dateUpdated),
  date_updated: rfc2822(m.dateUpdated),
  direction: 'outbound-api',
  error_code: m.errorCode,
  error_message: m.errorMessage,
  from: m.from,
  messaging_service_sid: null,
  num_media: '0',
  num_segments: String(Math.max(1, Math.ceil(m.body.length / 160))),
  price: null,
  price_unit: 'USD',
  sid: m.sid,
  status: m.status,
  subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${m.sid}/Media.json` },
  to: m.to,
  uri: `/2010-04-01/Accounts/${accountSid}/Messages/${m.sid}.json`,
});
