/**
 * Twilsock v3 binary framing (docs/sdk-protocol.md, "Frames"):
 *
 *   TWILSOCK V3.0 <H>\r\n<header JSON, exactly H bytes>\r\n<payload, exactly header.payload_size bytes>
 *
 * H and payload_size are UTF-8 byte lengths, never string lengths.
 */
export type FrameHeader = Record<string, unknown>;
export type DecodedFrame = { header: FrameHeader; payload: Buffer };
export type DecodeResult = { ok: true; frame: DecodedFrame } | { ok: false; reason: string };

const MAGIC = 'TWILSOCK V3.0 ';
const CRLF = Buffer.from('\r\n', 'latin1');
// "TWILSOCK V3.0 " plus up to 10 digits: a preamble longer than this is not a twilsock frame.
const MAX_PREAMBLE = MAGIC.length + 10;
const EMPTY = Buffer.alloc(0);

export function encodeFrame(header: FrameHeader, payload?: string | Buffer): Buffer {
  const body = payload === undefined ? EMPTY : Buffer.isBuffer(payload) ? payload : Buffer.from(payload, 'utf8');
  const headerJson = JSON.stringify({ ...header, payload_size: body.length });
  const headerBytes = Buffer.byteLength(headerJson, 'utf8');
  const preamble = `${MAGIC}${headerBytes}\r\n`;
  const out = Buffer.allocUnsafe(preamble.length + headerBytes + 2 + body.length);
  let offset = out.write(preamble, 0, 'latin1');
  offset += out.write(headerJson, offset, 'utf8');
  offset += CRLF.copy(out, offset);
  body.copy(out, offset);
  return out;
}

/** Encodes a frame whose payload is `JSON.stringify(body)` (omitted when body is undefined). */
export function encodeJsonFrame(header: FrameHeader, body?: unknown): Buffer {
  if (body === undefined) return encodeFrame(header);
  return encodeFrame({ ...header, payload_type: 'application/json' }, JSON.stringify(body));
}

export function decodeFrame(data: Buffer): DecodeResult {
  const preambleEnd = data.subarray(0, MAX_PREAMBLE + 2).indexOf(CRLF);
  if (preambleEnd < 0) return fail('no twilsock preamble');
  const preamble = data.toString('latin1', 0, preambleEnd);
  if (!preamble.startsWith(MAGIC)) return fail('not a TWILSOCK V3.0 frame');
  const digits = preamble.slice(MAGIC.length);
  if (!/^\d{1,10}$/.test(digits)) return fail('invalid header length');

  const headerStart = preambleEnd + 2;
  const headerEnd = headerStart + Number(digits);
  if (headerEnd > data.length) return fail('truncated header');
  const header = parseHeader(data.subarray(headerStart, headerEnd));
  if (!header) return fail('header is not a JSON object');

  const size = header.payload_size ?? 0;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) return fail('invalid payload_size');
  const rest = data.subarray(headerEnd);
  if (size === 0) {
    // The trailing CRLF is optional when there is no payload.
    if (rest.length === 0 || (rest.length === 2 && rest.equals(CRLF))) return { ok: true, frame: { header, payload: EMPTY } };
    return fail('unexpected bytes after header');
  }
  if (rest.length < 2 || rest[0] !== 0x0d || rest[1] !== 0x0a) return fail('missing CRLF after header');
  if (rest.length - 2 < size) return fail('truncated payload');
  if (rest.length - 2 > size) return fail('payload longer than payload_size');
  return { ok: true, frame: { header, payload: rest.subarray(2) } };
}

function parseHeader(bytes: Buffer): FrameHeader | null {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    return value as FrameHeader;
  } catch {
    return null;
  }
}

function fail(reason: string): DecodeResult {
  return { ok: false, reason };
}
