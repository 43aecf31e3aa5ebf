import type { IncomingMessage } from 'node:http';
import { TwilioError } from '../domain/errors';
import type { JsonValue } from '../realtime/json';
import { readBody } from './read-body';
import type { BodyFormat, RequestBody } from './route';

/** What a body is read for: the route's format and limit, and where an upload's filename may come from. */
export type BodyRules = { format: BodyFormat; limit: number; contentType: string; filename: string | null };

const tooLarge = (limit: number) => new TwilioError(20001, 413, `The request body is larger than ${limit} bytes`);

const unsupported = (format: BodyFormat, contentType: string) =>
  new TwilioError(
    20001,
    415,
    `Content-Type '${contentType || '(none)'}' is not accepted here: send ${format === 'json' ? 'application/json' : 'application/x-www-form-urlencoded'}`,
  );

const mediaTypeOf = (contentType: string) => (contentType.split(';')[0] ?? '').trim().toLowerCase();

/** Reads an HTTP request's body as its route takes it. */
export async function readRequestBody(req: IncomingMessage, rules: BodyRules): Promise<RequestBody> {
  if (rules.format === 'none') {
    req.resume();
    return { kind: 'none' };
  }
  return parseBody(await readBody(req, rules.limit, () => tooLarge(rules.limit)), rules);
}

/** Parses a body already in hand (a twilsock payload, a read HTTP body) as its route takes it. */
export function parseBody(bytes: Buffer, rules: BodyRules): RequestBody {
  if (rules.format === 'none' || bytes.length === 0) return { kind: 'none' };
  if (bytes.length > rules.limit) throw tooLarge(rules.limit);
  const mediaType = mediaTypeOf(rules.contentType);
  switch (rules.format) {
    case 'form':
      if (mediaType !== 'application/x-www-form-urlencoded') throw unsupported('form', mediaType);
      return { kind: 'form', value: new URLSearchParams(bytes.toString('utf8')) };
    case 'json': {
      if (mediaType !== 'application/json') throw unsupported('json', mediaType);
      const text = bytes.toString('utf8');
      try {
        return { kind: 'json', value: JSON.parse(text) as JsonValue };
      } catch {
        // The Sync SDK's DELETE sends the bare string `ip_messaging` as "JSON": tolerated, as text.
        return { kind: 'text', value: text };
      }
    }
    case 'file':
      return { kind: 'file', file: { bytes, contentType: (rules.contentType.split(';')[0] ?? '').trim(), filename: rules.filename } };
  }
}

/** An upload's filename: `Content-Disposition: …; filename="x"`, else the `Filename` query parameter (the SDK's). */
export function uploadFilename(headers: Readonly<Record<string, string | undefined>>, query: URLSearchParams): string | null {
  const disposition = headers['content-disposition'];
  const match = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
  if (match?.[1]) {
    try {
      return decodeURIComponent(match[1]);
    } catch {
      return match[1];
    }
  }
  return query.get('Filename') ?? query.get('filename');
}
