import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hasControlCharacters, stripControlCharacters, zSafeText } from './control-characters';

describe('control characters', () => {
  it('finds and strips NUL and other controls but keeps tabs and line breaks', () => {
    expect(hasControlCharacters('help\u0000me')).toBe(true);
    expect(hasControlCharacters('bell\u0007 and del\u007f')).toBe(true);
    expect(hasControlCharacters('line one\r\nline two\ttabbed')).toBe(false);
    expect(hasControlCharacters('emoji 👋 and accents é')).toBe(false);
    expect(stripControlCharacters('help\u0000me\u001b[31m\nnext')).toBe('helpme[31m\nnext');
  });

  it('refuses controls in a schema with the field in the error path', () => {
    const schema = z.object({ body: zSafeText() });
    const result = schema.safeParse({ body: 'a\u0000b' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['body']);
    expect(schema.parse({ body: 'fine\n' })).toEqual({ body: 'fine\n' });
  });
});
