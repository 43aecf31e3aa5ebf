/**
 * The one error type the domain throws. It carries exactly what Twilio answers with:
 * `{ code, message, more_info, status }`. Adapters (REST, twilsock, carrier) render it; none of them
 * invents its own error shape.
 *
 * Codes named by Twilio's docs are used as such (20003, 20404, 20429, 50433, 50416, 50425,
 * 50434–50438, 50353, 50201). Malformed parameters (missing, too long, bad JSON, bad phone number,
 * bad enum) answer 400 with code 20001 and a message naming the parameter; where the docs are silent
 * on a rule's code we chose one in the 50xxx Conversations range and list it in `ERROR_CODES` below.
 */
export class TwilioError extends Error {
  readonly code: number;
  readonly status: number;
  readonly moreInfo: string;
  /** HTTP headers the answer carries besides the body (a 429's `Retry-After`). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: number, status: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'TwilioError';
    this.code = code;
    this.status = status;
    this.moreInfo = `https://www.twilio.com/docs/errors/${code}`;
    this.headers = headers;
  }

  toJSON() {
    return { code: this.code, message: this.message, more_info: this.moreInfo, status: this.status };
  }
}

export const isTwilioError = (error: unknown): error is TwilioError => error instanceof TwilioError;

/** Every code the emulator answers with, for the README and for tests. */
export const ERROR_CODES = {
  invalidParameter: 20001,
  authentication: 20003,
  notFound: 20404,
  methodNotAllowed: 20004,
  /** The control API called from a web page whose origin is not allowed. */
  forbiddenOrigin: 20403,
  rateLimited: 20429,
  serverError: 20500,
  userExists: 50201,
  uniqueNameExists: 50353,
  conversationClosed: 50350,
  participantLimit: 50420,
  nonChatParticipantLimit: 50421,
  identityConversationLimit: 50422,
  bindingInUse: 50416,
  projectedAddressInUse: 50425,
  notAParticipant: 50430,
  participantExists: 50433,
  groupMmsNotPlusOne: 50434,
  groupMmsTooManyParticipants: 50435,
  groupMmsMixedWithProxy: 50436,
  groupMmsProjectedNotOwned: 50437,
  groupMmsNotSms: 50438,
  proxyAddressNotOwned: 50407,
  messageBodyTooLong: 50511,
  mediaNotFound: 50512,
  roleInUse: 50107,
  serviceInUse: 50006,
  addressConfigurationExists: 50351,
  /** A pre-action webhook answered non-2xx: the action is refused (code our choice; the docs name none). */
  webhookRejected: 50550,
} as const;

/**
 * Codes carried by delivery receipts (`error_code`), Twilio's Messaging error codes as its docs name them.
 * They never answer an HTTP request: they describe why one recipient did not get a message.
 */
export const DELIVERY_ERROR_CODES = {
  /** Unreachable destination handset: the phone is off the network. */
  unreachable: 30003,
  /** Outside WhatsApp's 24-hour window: a free-form message needs a template. */
  outsideWhatsAppWindow: 63016,
  /** Media exceeds the channel's size limit (5 MB MMS, 16 MB WhatsApp). */
  mediaTooLarge: 11751,
  /** Media content type the channel does not carry. */
  mediaTypeUnsupported: 12300,
  /** No sender: a group-MMS recipient with no projected address left in the conversation. */
  noSender: 21603,
  /** ContentSid names no template. */
  contentNotFound: 21655,
  /** ContentVariables is not a JSON object of strings. */
  contentVariablesInvalid: 21656,
} as const;

export const invalidParam = (message: string) => new TwilioError(ERROR_CODES.invalidParameter, 400, message);

export const missingParam = (name: string) =>
  invalidParam(`Missing required parameter ${name} in the post body`);

export const notFound = (what: string) =>
  new TwilioError(ERROR_CODES.notFound, 404, `The requested resource ${what} was not found`);

export const conflict = (code: number, message: string) => new TwilioError(code, 409, message);

export const badRequest = (code: number, message: string) => new TwilioError(code, 400, message);

/** `retryAfterSeconds`: when the window has room again, so a client can wait exactly that long. */
export const rateLimited = (scope: string, retryAfterSeconds: number) =>
  new TwilioError(ERROR_CODES.rateLimited, 429, `Too Many Requests: more than 30 actions per second on ${scope}`, {
    'Retry-After': String(retryAfterSeconds),
  });

export const authenticationError = () =>
  new TwilioError(ERROR_CODES.authentication, 401, 'Authentication Error - invalid username');
