import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, encodeJsonFrame } from '../../src/realtime/twilsock/frame-codec';

/** Builds a frame by hand, the way twilsock's Parser.createPacket does. */
function clientFrame(header: Record<string, unknown>, payload = ''): Buffer {
  const full = { ...header, payload_size: Buffer.byteLength(payload) };
  const headerJson = JSON.stringify(full);
  return Buffer.from(`TWILSOCK V3.0 ${Buffer.byteLength(headerJson)}\r\n${headerJson}\r\n${payload}`, 'utf8');
}

/** A frame with a correct header length but arbitrary header and trailing bytes. */
function rawFrame(headerJson: string, rest: string): Buffer {
  return Buffer.from(`TWILSOCK V3.0 ${Buffer.byteLength(headerJson)}\r\n${headerJson}${rest}`);
}

function decodeOk(data: Buffer) {
  const result = decodeFrame(data);
  if (!result.ok) throw new Error(`expected a frame, got: ${result.reason}`);
  return result.frame;
}

describe('twilsock frame codec', () => {
  it('encodes the preamble with the header byte length and payload_size in bytes', () => {
    const payload = JSON.stringify({ text: 'héllo wörld 👋' });
    const frame = encodeFrame({ method: 'notification', id: 'x', message_type: 'twilio.sync.event' }, payload);
    const text = frame.toString('utf8');
    const match = /^TWILSOCK V3\.0 (\d+)\r\n/.exec(text);
    expect(match).not.toBeNull();
    const preambleBytes = Buffer.byteLength(match?.[0] ?? '');
    const headerBytes = Number(match?.[1]);
    const header = JSON.parse(frame.subarray(preambleBytes, preambleBytes + headerBytes).toString('utf8'));
    expect(header.payload_size).toBe(Buffer.byteLength(payload));
    expect(header.payload_size).toBeGreaterThan(payload.length); // multibyte: bytes ≠ UTF-16 units
    expect(frame.subarray(preambleBytes + headerBytes, preambleBytes + headerBytes + 2).toString('latin1')).toBe('\r\n');
    expect(frame.subarray(preambleBytes + headerBytes + 2).toString('utf8')).toBe(payload);
  });

  it('counts multibyte characters in the header as bytes', () => {
    const frame = encodeFrame({ method: 'reply', id: 'ñ-😀-ü', status: { code: 200, status: 'OK' } });
    const decoded = decodeOk(frame);
    expect(decoded.header.id).toBe('ñ-😀-ü');
    expect(decoded.header.payload_size).toBe(0);
  });

  it('round-trips a frame built the way the real client builds it', () => {
    const payload = JSON.stringify({ body: 'Grüße 🎉', attributes: '{}' });
    const decoded = decodeOk(clientFrame({ id: 'TM1', method: 'message', payload_type: 'application/json' }, payload));
    expect(decoded.header.method).toBe('message');
    expect(decoded.payload.toString('utf8')).toBe(payload);
  });

  it('accepts a payload-less frame with or without the trailing CRLF', () => {
    const header = '{"method":"reply","id":"a","payload_size":0}';
    const bare = Buffer.from(`TWILSOCK V3.0 ${header.length}\r\n${header}`);
    expect(decodeOk(bare).payload.length).toBe(0);
    expect(decodeOk(Buffer.concat([bare, Buffer.from('\r\n')])).payload.length).toBe(0);
  });

  it('sets payload_type for JSON bodies and omits the payload for undefined', () => {
    const withBody = decodeOk(encodeJsonFrame({ method: 'reply', id: 'r' }, { a: 1 }));
    expect(withBody.header.payload_type).toBe('application/json');
    expect(JSON.parse(withBody.payload.toString('utf8'))).toEqual({ a: 1 });
    const without = decodeOk(encodeJsonFrame({ method: 'reply', id: 'r' }));
    expect(without.header.payload_size).toBe(0);
    expect(without.header.payload_type).toBeUndefined();
  });

  const good = clientFrame({ id: 'TM1', method: 'message' }, '{"x":"ü"}');
  const garbage: [string, Buffer][] = [
    ['no preamble at all', Buffer.from('hello world')],
    ['wrong protocol', Buffer.from('TWILSACK V3.0 2\r\n{}\r\n')],
    ['wrong version', Buffer.from('TWILSOCK V2.0 2\r\n{}\r\n')],
    ['non-numeric length', Buffer.from('TWILSOCK V3.0 abc\r\n{}\r\n')],
    ['header shorter than declared', Buffer.from('TWILSOCK V3.0 50\r\n{"method":"init"}\r\n')],
    ['header not JSON', Buffer.from('TWILSOCK V3.0 5\r\nnope!\r\n')],
    ['header is an array', Buffer.from('TWILSOCK V3.0 2\r\n[]\r\n')],
    ['negative payload_size', rawFrame('{"payload_size":-1}', '\r\n')],
    ['fractional payload_size', rawFrame('{"payload_size":1.5}', '\r\nab')],
    ['payload truncated (partial frame)', good.subarray(0, good.length - 1)],
    ['bytes beyond payload_size', Buffer.concat([good, Buffer.from('x')])],
    ['missing CRLF before payload', rawFrame('{"payload_size":2}', 'xx')],
    ['binary noise', Buffer.from([0xff, 0xfe, 0x00, 0x0d, 0x0a, 0x01])],
  ];
  it.each(garbage)('rejects %s', (_, data) => {
    expect(decodeFrame(data).ok).toBe(false);
  });
});
