import { STATUS_CODES } from 'node:http';
import { invalidParam, isTwilioError, TwilioError } from '../../domain/errors';
import { dispatch, type DispatchLogger } from '../../http/dispatch';
import { parseBody } from '../../http/request-body';
import type { EdgeResponse } from '../../http/route';
import type { Router } from '../../http/router';
import type { TwilsockConnection } from './connection';
import type { MessageHeader } from './frame-schemas';

export type BaseUrlResolver = (host: string) => string;

/** Links are absolute and must reach the emulator through the same host the client used. */
export const httpBaseUrl: BaseUrlResolver = (host) => `http://${host}`;

/** What a `message` frame's reply carries: twilsock status 200 plus the HTTP result. */
export type UpstreamReply = { header: Record<string, unknown>; body: unknown; afterReply?: () => void };

/**
 * An HTTP request tunnelled through twilsock (a `message` frame), answered by the same router and
 * route declarations as plain HTTP. The connection's token is the caller's credential (scheme
 * `sdk-token`); the body is parsed by its `payload_type` as the route takes it. The client sends path
 * and query values exactly as they appear in a URL, so they are decoded here, once.
 */
export async function dispatchUpstream(
  router: Router,
  conn: TwilsockConnection,
  header: MessageHeader,
  payload: Buffer,
  baseUrl: BaseUrlResolver,
  logger: DispatchLogger,
): Promise<UpstreamReply> {
  const http = header.http_request;
  const payloadType = header.payload_type ?? 'application/json';
  const claims = conn.claims;
  if (!claims) throw new Error('dispatchUpstream before init');
  let query: URLSearchParams;
  try {
    query = decodeQuery(http.params ?? {});
  } catch (error) {
    if (!isTwilioError(error)) throw error;
    return toReply({ status: error.status, json: error.toJSON() });
  }
  const headers = { ...lowerCaseHeaders(http.headers ?? {}), 'content-type': payloadType };
  const { response } = await dispatch(
    router,
    {
      method: http.method.toUpperCase(),
      path: http.path,
      query,
      headers,
      baseUrl: baseUrl(http.host),
      caller: { scheme: 'sdk-token', identity: conn.identity, claims, peer: conn },
      readBody: async (route) => parseBody(payload, { format: route.body, limit: route.bodyLimit, contentType: payloadType, filename: null }),
      discardBody: () => undefined,
    },
    { logger },
  );
  return toReply(response);
}

function toReply(response: EdgeResponse): UpstreamReply {
  const httpStatus = (status: number) => ({ code: status, status: STATUS_CODES[status] ?? 'Unknown' });
  if ('stream' in response) return toReply({ status: 501, json: new TwilioError(20501, 501, 'This resource streams over plain HTTP only').toJSON() });
  if ('bytes' in response) {
    const type = response.headers['Content-Type'] ?? 'application/octet-stream';
    return { header: { http_status: httpStatus(response.status), http_headers: response.headers, payload_type: type }, body: response.bytes };
  }
  return {
    // Twilsock status is always 200 for a delivered HTTP response; http_status carries the HTTP result.
    header: { http_status: httpStatus(response.status), http_headers: { 'Content-Type': 'application/json', ...response.headers }, payload_type: 'application/json' },
    body: response.json,
    afterReply: response.afterReply,
  };
}

function decodeComponent(value: string): string {
  try {
    // Query strings follow form encoding: `+` is a space. The SDKs encode with encodeURIComponent,
    // which always escapes a literal `+` as %2B, so this never corrupts their values.
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    throw invalidParam(`Malformed percent-encoding in "${value}"`);
  }
}

/** `http_request.params`: values as they appear in a URL; a repeated key is an array. */
function decodeQuery(params: Record<string, string | string[] | null>): URLSearchParams {
  const query = new URLSearchParams();
  for (const [rawKey, rawValue] of Object.entries(params)) {
    if (rawValue === null) continue;
    const key = decodeComponent(rawKey);
    for (const value of Array.isArray(rawValue) ? rawValue : [rawValue]) query.append(key, decodeComponent(value));
  }
  return query;
}

function lowerCaseHeaders(headers: Record<string, string | number | boolean | null>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== null) out[name.toLowerCase()] = String(value);
  }
  return out;
}
