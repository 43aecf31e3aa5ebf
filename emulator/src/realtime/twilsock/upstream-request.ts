import type { JsonValue } from '../json';
import { invalidParam } from '../../domain/errors';
import type { UpstreamBody, UpstreamCaller, UpstreamRequest } from '../upstream/types';
import type { MessageHeader } from './frame-schemas';

export type BaseUrlResolver = (host: string) => string;

/** Links are absolute and must reach the emulator through the same host the client used (§13.5). */
export const httpBaseUrl: BaseUrlResolver = (host) => `http://${host}`;

/**
 * Builds the decoded request from an upstream `message` frame (§3.1). The client sends the path and
 * the query values exactly as they appear in the URL, so decoding happens here, once: split on `/`
 * first and decode each segment (`%2F` inside a unique name stays inside its segment).
 */
export function toUpstreamRequest(
  header: MessageHeader,
  payload: Buffer,
  caller: UpstreamCaller,
  baseUrl: BaseUrlResolver,
): UpstreamRequest {
  const http = header.http_request;
  const payloadType = header.payload_type ?? 'application/json';
  return {
    method: http.method.toUpperCase(),
    host: http.host,
    baseUrl: baseUrl(http.host),
    path: http.path,
    segments: http.path
      .split('/')
      .filter((segment) => segment.length > 0)
      .map((segment) => decodeComponent(segment, false)),
    query: decodeQuery(http.params ?? {}),
    headers: lowerCaseHeaders(http.headers ?? {}),
    payloadType,
    body: parseBody(payloadType, payload),
    grant: header.active_grant ?? null,
    caller,
  };
}

function decodeComponent(value: string, plusIsSpace: boolean): string {
  try {
    return decodeURIComponent(plusIsSpace ? value.replace(/\+/g, ' ') : value);
  } catch {
    throw invalidParam(`Malformed percent-encoding in "${value}"`);
  }
}

function decodeQuery(
  params: Record<string, string | string[] | null>,
): Record<string, string | readonly string[]> {
  const query: Record<string, string | readonly string[]> = {};
  for (const [rawKey, rawValue] of Object.entries(params)) {
    if (rawValue === null) continue;
    // Query strings follow form encoding: `+` is a space. The SDKs encode with encodeURIComponent,
    // which always escapes a literal `+` as %2B, so this never corrupts their values.
    const key = decodeComponent(rawKey, true);
    query[key] = Array.isArray(rawValue)
      ? rawValue.map((value) => decodeComponent(value, true))
      : decodeComponent(rawValue, true);
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

function parseBody(payloadType: string, payload: Buffer): UpstreamBody {
  if (payload.length === 0) return { kind: 'none' };
  const text = payload.toString('utf8');
  const type = payloadType.toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return { kind: 'form', value: Object.fromEntries(new URLSearchParams(text)) };
  }
  if (type.startsWith('application/json')) {
    try {
      return { kind: 'json', value: JSON.parse(text) as JsonValue };
    } catch {
      // §13.4: the Sync DELETE body is the bare string `ip_messaging`; tolerate it rather than fail.
      return { kind: 'text', value: text };
    }
  }
  return { kind: 'text', value: text };
}
