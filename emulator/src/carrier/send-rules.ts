import type { DomainContext } from '../domain/context';
import { invalidParam, missingParam } from '../domain/errors';
import { LIMITS, parseAddress } from '../domain/validate';
import type { CarrierMedia } from '../store/records';
import { isReachable } from './phone-store';

/**
 * What a customer's phone can send, checked before anything changes. These are the channels' own
 * limits (Limits page, "Media limits from non-Chat participants"): an MMS carries at most 10 files and
 * 5 MB in total, a WhatsApp message one file of at most 16 MB; a body at most 1,600 characters.
 */
export type PhoneSend = { from?: string; to: string[]; body?: string; mediaSids: string[] };

export type CheckedSend = { channel: 'sms' | 'whatsapp'; from: string; to: string[]; body: string | null; media: CarrierMedia[] };

/** A group text reaches at most 20 numbers in all (the sender included). */
export const MAX_GROUP_ADDRESSES = 20;
const MMS = { files: 10, bytes: 5 * 1024 * 1024 };
const WHATSAPP = { files: 1, bytes: 16 * 1024 * 1024 };

export const checkPhoneSend = (ctx: DomainContext, input: PhoneSend): CheckedSend => {
  if (input.from === undefined || input.from === '') throw missingParam('From');
  const from = parseAddress(input.from, 'From');
  if (ctx.numbers.includes(from.address)) {
    throw invalidParam(`'From' ${from.address} is one of the account's Twilio numbers; a customer's phone sends from its own number`);
  }
  if (input.to.length === 0) throw missingParam('To');
  const to = input.to.map((address) => parseAddress(address, 'To'));
  for (const recipient of to) {
    if (recipient.channel !== from.channel) {
      throw invalidParam(`'To' ${recipient.address} is not on the sender's channel (${from.channel}); use the same prefix as 'From'`);
    }
    if (recipient.address === from.address) throw invalidParam("A phone cannot send to its own number: 'To' repeats 'From'");
  }
  if (new Set(to.map((t) => t.address)).size !== to.length) throw invalidParam("'To' lists the same number twice");
  if (from.channel === 'whatsapp' && to.length > 1) throw invalidParam('WhatsApp has no group messages: give exactly one \'To\'');
  if (to.length + 1 > MAX_GROUP_ADDRESSES) throw invalidParam(`A group message reaches at most ${MAX_GROUP_ADDRESSES} numbers in all`);
  const body = input.body === undefined || input.body === '' ? null : input.body;
  if (body !== null && [...body].length > LIMITS.nonChatBodyChars) {
    throw invalidParam(`'Body' is longer than ${LIMITS.nonChatBodyChars} characters`);
  }
  const media = input.mediaSids.map((sid) => {
    const record = ctx.store.get('carrierMedia', sid);
    if (!record) throw invalidParam(`'MediaUrl' ${sid} is not a file uploaded with POST /emulator/v1/Carrier/Media`);
    return { sid, contentType: record.contentType, filename: record.filename, size: record.size };
  });
  const limit = from.channel === 'whatsapp' ? WHATSAPP : MMS;
  if (media.length > limit.files) throw invalidParam(`A ${from.channel === 'whatsapp' ? 'WhatsApp message' : 'MMS'} carries at most ${limit.files} file(s)`);
  if (media.reduce((sum, m) => sum + m.size, 0) > limit.bytes) {
    throw invalidParam(`Media exceed the ${from.channel === 'whatsapp' ? 'WhatsApp' : 'MMS'} limit of ${limit.bytes / (1024 * 1024)} MB`);
  }
  if (body === null && media.length === 0) throw invalidParam("A message needs a 'Body' or a 'MediaUrl'");
  if (!isReachable(ctx, from.address)) {
    throw invalidParam(`Phone ${from.address} has no service (Reachable=false); set it reachable to send`);
  }
  return { channel: from.channel, from: from.address, to: to.map((t) => t.address), body, media };
};
