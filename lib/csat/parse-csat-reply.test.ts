import { describe, expect, it } from 'vitest';
import { parseCsatReply } from './parse-csat-reply';

describe('a reply to the satisfaction survey', () => {
  it('is a score from 1 to 5, with whatever follows as the comment', () => {
    expect(parseCsatReply('5')).toEqual({ score: 5, comment: null });
    expect(parseCsatReply(' 4 - quick and kind ')).toEqual({ score: 4, comment: 'quick and kind' });
    expect(parseCsatReply('3/5 slow to answer')).toEqual({ score: 3, comment: 'slow to answer' });
    expect(parseCsatReply('1. Never again')).toEqual({ score: 1, comment: 'Never again' });
    expect(parseCsatReply('5!\nThanks Ada')).toEqual({ score: 5, comment: 'Thanks Ada' });
  });

  it('is not a question, a number out of range or an order number', () => {
    expect(parseCsatReply('Where is my order?')).toBeNull();
    expect(parseCsatReply('6')).toBeNull();
    expect(parseCsatReply('0')).toBeNull();
    expect(parseCsatReply('12345 is my order number')).toBeNull();
    expect(parseCsatReply('4.5')).toBeNull();
    expect(parseCsatReply('15')).toBeNull();
    expect(parseCsatReply('')).toBeNull();
    expect(parseCsatReply(null)).toBeNull();
  });
});
