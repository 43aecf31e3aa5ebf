import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-callback-path';

describe('safeCallbackPath', () => {
  it.each([
    ['/admin/users', '/admin/users'],
    ['http://localhost:3000/inbox/CH123?x=1', '/inbox/CH123?x=1'],
    // Another origin keeps only its path, so the redirect stays on this site.
    ['https://evil.example/steal', '/steal'],
  ])('keeps %s as a same-origin path', (candidate, expected) => expect(safeCallbackPath(candidate)).toBe(expected));

  it.each([undefined, '', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/login?x=1'])(
    'sends %s to the inbox',
    (candidate) => expect(safeCallbackPath(candidate)).toBe('/inbox'),
  );
});
