import { describe, expect, it } from 'vitest';
import { splitHighlights } from './search-highlight';
import { parseTextQuery } from './search-query';

describe('parseTextQuery', () => {
  it('ANDs the words and lets the last one be a prefix', () => {
    expect(parseTextQuery('Refund for my ord').tsquery).toBe('refund & for & my & ord:*');
  });

  it('keeps to_tsquery operators out of the query', () => {
    expect(parseTextQuery("a:* | !b & (c) <-> 'd'").tsquery).toBe('a & b & c & d:*');
    expect(parseTextQuery('!!! ???').tsquery).toBeNull();
  });

  it('reads a quoted phrase as a phrase', () => {
    expect(parseTextQuery('"blue suede shoes"')).toMatchObject({ tsquery: null, phrase: 'blue suede shoes' });
  });

  it('escapes LIKE wildcards and finds digits of a number', () => {
    expect(parseTextQuery('50%_off')).toMatchObject({ like: '50\\%\\_off', digits: null });
    expect(parseTextQuery('555 867')).toMatchObject({ digits: '555867' });
    expect(parseTextQuery('+1 (555) 867-5310')).toMatchObject({ digits: '15558675310' });
    // Digits among words are not a phone number: "wombat5up69" must not find every number with 569 in it.
    expect(parseTextQuery('purple wombat5up69 socks')).toMatchObject({ digits: null });
    expect(parseTextQuery('order 4512')).toMatchObject({ digits: null });
  });
});

describe('splitHighlights', () => {
  it('splits a snippet into matched and plain parts, a phrase as one match', () => {
    expect(splitHighlights('the \u0002brown\u0003 \u0002fox\u0003 jumped')).toEqual([
      { text: 'the ', isMatch: false },
      { text: 'brown fox', isMatch: true },
      { text: ' jumped', isMatch: false },
    ]);
  });

  it('leaves markup alone: it is text', () => {
    expect(splitHighlights('<b>\u0002x\u0003</b>')).toEqual([
      { text: '<b>', isMatch: false },
      { text: 'x', isMatch: true },
      { text: '</b>', isMatch: false },
    ]);
  });
});
