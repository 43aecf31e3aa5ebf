import { parse as parseDisposition } from 'content-disposition';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { invalidParam, TwilioError } from '../domain/errors';
import type { JsonValue } from '../realtime/json';
import { readMultipartFile } from './multipart-upload';
import { readBody } from './read-body';
import type { BodyFormat, RequestBody, UploadedFile } from './route';

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

const isMultipart = (rules: BodyRules) => rules.format === 'file' && mediaTypeOf(rules.contentType) === 'multipart/form-data';

/** Reads an HTTP request's body as its route takes it; a multipart upload is parsed as it streams in. */
export async function readRequestBody(req: IncomingMessage, rules: BodyRules): Promise<RequestBody> {
  if (rules.format === 'none') {
    req.resume();
    return { kind: 'none' };
  }
  if (isMultipart(rules)) return fileBody(await readMultipartFile(req, rules.contentType, rules.limit));
  return parseBody(await readBody(req, rules.limit, () => tooLarge(rules.limit)), rules);
}

/** Parses a body already in hand (a twilsock payload, a read HTTP body) as its route takes it. */
export async function parseBody(bytes: Buffer, rules: BodyRules): Promise<RequestBody> {
  if (rules.format === 'none' || bytes.length === 0) return { kind: 'none' };
  if (isMultipart(rules)) return fileBody(await readMultipartFile(Readable.from([bytes]), rules.contentType, rules.limit));
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
      return fileBody({ bytes, contentType: (rules.contentType.split(';')[0] ?? '').trim(), filename: rules.filename });
  }
}

// C0 controls and DEL: a filename carrying them (CR LF above all) would break the headers it is
// served in.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** An uploaded file, refused (400) if its name carries control characters, however it was named. */
function fileBody(file: UploadedFile): RequestBody {
  if (file.filename !== null && CONTROL_CHARACTERS.test(file.filename)) throw invalidParam('The filename must not contain control characters');
  return { kind: 'file', file };
}

/** A raw upload's filename: `Content-Disposition: …; filename="x"`, else the `Filename` query parameter (the SDK's). */
export function uploadFilename(headers: Readonly<Record<string, string | undefined>>, query: URLSearchParams): string | null {
  const disposition = headers['content-disposition'];
  if (disposition) {
    let filename: string | undefined;
    try {
      filename = parseDisposition(disposition).parameters.filename;
    } catch {
      throw invalidParam(`Malformed Content-Disposition header: '${disposition}'`);
    }
    // A plain `filename=` some clients percent-encode (as `filename*=` is); decoded, so the name
    // cannot smuggle what the encoding hides.
    if (filename && !/filename\*=/i.test(disposition) && filename.includes('%')) filename = percentDecoded(filename);
    if (filename) return filename;
  }
  return query.get('Filename') ?? query.get('filename');
}

function percentDecoded(filename: string): string {
  try {
    return decodeURIComponent(filename);
  } catch {
    throw invalidParam(`The upload's filename is not valid percent-encoding: '${filename}'`);
  }
}
