import { describe, expect, it } from 'vitest';
import emojis from 'emojibase-data/en/compact.json';
import github from 'emojibase-data/en/shortcodes/github.json';
import { buildShortcodes, matchShortcodes, shortcodeAt } from './emoji-shortcodes';

const SHORTCODES = buildShortcodes(github, emojis);

describe('emoji shortcodes', () => {
  it('maps GitHub shortcodes to emoji as written, with the emoji presentation selector', () => {
    const lookup = new Map(SHORTCODES);
    expect(lookup.get('smile')).toBe('\u{1F604}');
    expect(lookup.get('+1')).toBe('\u{1F44D}\u{FE0F}');
    expect(lookup.get('sunny')).toBe('\u{2600}\u{FE0F}');
    expect(lookup.get('heart')).toBe('\u{2764}\u{FE0F}');
  });

  it('finds the query just before the caret, only after a space or at the start', () => {
    expect(shortcodeAt(':smi', 4)).toEqual({ query: 'smi', start: 0 });
    expect(shortcodeAt('Thanks :Smi and more', 11)).toEqual({ query: 'smi', start: 7 });
    expect(shortcodeAt('at 10:30', 8)).toBeNull();
    expect(shortcodeAt('see https://x', 13)).toBeNull();
    expect(shortcodeAt('one :s', 6)).toBeNull();
  });

  it('lists names starting with the query before names containing it', () => {
    const names = matchShortcodes(SHORTCODES, 'smile', 10).map(([name]) => name);
    expect(names[0]).toBe('smile');
    expect(names).toContain('smile_cat');
    expect(names.indexOf('smile_cat')).toBeLessThan(names.indexOf('sweat_smile') === -1 ? Infinity : names.indexOf('sweat_smile'));
    expect(matchShortcodes(SHORTCODES, 'zzzz')).toEqual([]);
  });
});
