import { describe, expect, it } from 'vitest';
import { sseComment, sseMessage } from './sse-format';

describe('SSE framing', () => {
  it('writes id, event and one data line, ended by a blank line', () => {
    expect(sseMessage({ id: 'a-0-1', data: { kind: 'note.added', text: 'two\nlines' } })).toBe('id: a-0-1\ndata: {"kind":"note.added","text":"two\\nlines"}\n\n');
    expect(sseMessage({ event: 'hello', retryMs: 1000, data: {} })).toBe('retry: 1000\nevent: hello\ndata: {}\n\n');
  });

  it('never lets a line break into a field', () => {
    expect(sseMessage({ id: 'x\ny', data: 1 })).toBe('id: x y\ndata: 1\n\n');
    expect(sseComment('ping\r\nid: forged')).toBe(': ping  id: forged\n\n');
  });
});
