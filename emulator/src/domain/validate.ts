import { isSid, type SidPrefix } from '../store/sid';
import { invalidParam } from './errors';

/**
 * Parameter checks shared by every resource. Each throws a 400 naming the parameter, so a rejected
 * request is rejected before anything is written.
 */

export const LIMITS = {
  friendlyName: 256,
  uniqueName: 256,
  identity: 256,
  address: 256,
  conversationAttributesBytes: 16 * 1024,
  participantAttributesBytes: 4 * 1024,
  messageAttributesBytes: 4 * 1024,
  userAttributesBytes: 16 * 1024,
  chatBodyBytes: 32 * 1024,
  nonChatBodyChars: 1600,
  subject: 256,
  roleFriendlyName: 64,
  participantsPerConversation: 1000,
  nonChatParticipantsPerConversation: 50,
  conversationsPerIdentity: 1000,
  groupMmsParticipants: 10,
  participantsPerCreateCall: 10,
  mediaBytes: 150 * 1024 * 1024,
  mediaPerMessage: 10,
} as const;

export const assertMaxChars = (value: string | null | undefined, max: number, param: string): void => {
  if (value != null && [...value].length > max) {
    throw invalidParam(`Parameter '${param}' is too long: maximum ${max} characters`);
  }
};

export const assertMaxBytes = (value: string | null | undefined, max: number, param: string): void => {
  if (value != null && Buffer.byteLength(value, 'utf8') > max) {
    throw invalidParam(`Parameter '${param}' is too large: maximum ${max} bytes`);
  }
};

/** Attributes must be structurally valid JSON; Twilio stores the string as given. */
export const assertAttributes = (value: string | null | undefined, maxBytes: number, param = 'Attributes'): void => {
  if (value == null) return;
  assertMaxBytes(value, maxBytes, param);
  try {
    JSON.parse(value);
  } catch {
    throw invalidParam(`Parameter '${param}' must be valid JSON`);
  }
};

export const assertJson = (value: string | null | undefined, param: string): void => {
  if (value == null) return;
  try {
    JSON.parse(value);
  } catch {
    throw invalidParam(`Parameter '${param}' must be valid JSON`);
  }
};

/** `label` names the kind of SID in the message, e.g. 'Content SID'. */
export const assertSid = (value: string, prefix: SidPrefix, param: string, label: string): void => {
  if (!isSid(value, prefix)) throw invalidParam(`Parameter '${param}' is not a valid ${label}: '${value}'`);
};

export const assertHttpUrl = (value: string, param: string): void => {
  if (!URL.canParse(value) || !/^https?:/.test(value)) throw invalidParam(`Parameter '${param}' must be an http(s) URL: '${value}'`);
};

export const assertNonEmpty = (value: string | null | undefined, param: string): void => {
  if (value != null && value.trim() === '') throw invalidParam(`Parameter '${param}' must not be empty`);
};

const E164 = /^\+[1-9]\d{6,14}$/;

export type ParsedAddress = { channel: 'sms' | 'whatsapp'; e164: string; address: string };

/** An SMS address is E.164 ("+15558675310"); a WhatsApp one is "whatsapp:" + E.164. */
export const parseAddress = (value: string, param: string): ParsedAddress => {
  assertMaxChars(value, LIMITS.address, param);
  const whatsapp = value.startsWith('whatsapp:');
  const e164 = whatsapp ? value.slice('whatsapp:'.length) : value;
  if (!E164.test(e164)) {
    throw invalidParam(
      `Parameter '${param}' is not a valid ${whatsapp ? 'WhatsApp address' : 'phone number'}: '${value}' (expected E.164, e.g. +15558675310${whatsapp ? '' : ', or whatsapp:+15558675310'})`,
    );
  }
  return { channel: whatsapp ? 'whatsapp' : 'sms', e164, address: value };
};

export const isPlusOne = (e164: string): boolean => /^\+1\d{10}$/.test(e164);

const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/**
 * ISO 8601 duration in days or smaller units ("PT5M", "P180D"); months and years are invalid, as the
 * States and Timers page says. Returns seconds; 0 ("PT0S") disables the timer.
 */
export const parseDuration = (value: string, param: string, minSeconds: number): number => {
  const match = DURATION.exec(value);
  if (!match || value === 'P' || value.endsWith('T')) {
    throw invalidParam(`Parameter '${param}' must be an ISO 8601 duration in days or smaller units, e.g. PT10M or P1D`);
  }
  const [, d, h, m, s] = match;
  const seconds = Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
  if (seconds !== 0 && seconds < minSeconds) {
    throw invalidParam(`Parameter '${param}' must be at least ${minSeconds} seconds (or PT0S to disable)`);
  }
  return seconds;
};

/** Parses an ISO 8601 date-time given by a client. Returns Twilio's printed form. */
export const parseDate = (value: string, param: string): string => {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw invalidParam(`Parameter '${param}' must be an ISO 8601 date-time`);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
};

export const oneOf = <T extends string>(value: string, allowed: readonly T[], param: string): T => {
  if (!(allowed as readonly string[]).includes(value)) {
    throw invalidParam(`Parameter '${param}' must be one of ${allowed.join(', ')}; got '${value}'`);
  }
  return value as T;
};
