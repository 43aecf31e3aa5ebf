/**
 * Thrown by route handlers to answer with an error status; the router turns it into a response.
 * The body follows Twilio's error shape `{ code, message, more_info, status }`, which is also what
 * the Sync client reads (`body.message`, `body.code`, §3.3).
 */
export class UpstreamHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'UpstreamHttpError';
  }

  toBody(): TwilioErrorBody {
    return twilioErrorBody(this.status, this.code, this.message);
  }
}

export type TwilioErrorBody = { code: number; message: string; more_info: string; status: number };

export function twilioErrorBody(status: number, code: number, message: string): TwilioErrorBody {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}
