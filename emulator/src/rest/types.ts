import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { Origin } from '../domain/origin';

/** A parsed request as handlers see it. */
export type RestRequest = {
  method: string;
  /** Path without query string, e.g. "/v1/Conversations/CH…". */
  path: string;
  /** Path parameters captured by the route pattern (e.g. `ConversationSid`). */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Form-encoded body (POST); repeated keys keep every value. */
  form: URLSearchParams;
  /** Raw body, for MCS uploads. */
  body: Buffer;
  headers: IncomingHttpHeaders;
  /** Origin for domain calls: REST, with `X-Twilio-Webhook-Enabled` honoured. */
  origin: Origin;
};

export type RestResponse =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; raw: Buffer; headers: Record<string, string> }
  | { status: 204 }
  /** A long-lived response the handler writes itself (the carrier's Server-Sent Events). */
  | { status: 200; stream: (res: ServerResponse) => void };

export type Handler = (req: RestRequest) => Promise<RestResponse> | RestResponse;

export const json = (status: number, body: unknown): RestResponse => ({ status, json: body });
export const noContent = (): RestResponse => ({ status: 204 });
