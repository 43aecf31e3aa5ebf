import { randomBytes } from 'node:crypto';

/**
 * Twilio SID prefixes used by the emulator. Every SID is the prefix plus 32 lowercase hex digits
 * (34 characters), matching the `^XX[0-9a-fA-F]{32}$` patterns of the OpenAPI spec.
 */
export const SID_PREFIX = {
  account: 'AC',
  apiKey: 'SK',
  service: 'IS',
  messagingService: 'MG',
  conversation: 'CH',
  participant: 'MB',
  message: 'IM',
  receipt: 'DY',
  user: 'US',
  role: 'RL',
  media: 'ME',
  webhook: 'WH',
  credential: 'CR',
  binding: 'BS',
  addressConfiguration: 'IG',
  channelMessage: 'SM',
  /** A carrier message with media (MMS). */
  mediaMessage: 'MM',
  /** A WhatsApp message, as the Delivery Receipts page names them (`WAxx`). */
  whatsappMessage: 'WA',
  content: 'HX',
  studioFlow: 'FW',
} as const;

export type SidPrefix = (typeof SID_PREFIX)[keyof typeof SID_PREFIX];

export const newSid = (prefix: SidPrefix): string => prefix + randomBytes(16).toString('hex');

export const isSid = (value: string, prefix: SidPrefix): boolean =>
  value.length === 34 && value.startsWith(prefix) && /^[0-9a-fA-F]{32}$/.test(value.slice(2));
