import { describe, expect, it } from 'vitest';
import { newOrderNumber, orderNumberCandidates } from '../src/cells/order/order-number';

describe('order numbers', () => {
  it('are SO- and two groups of four Crockford base32 characters, and do not repeat', () => {
    const numbers = Array.from({ length: 2_000 }, () => newOrderNumber());
    for (const number of numbers) {
      expect(number).toMatch(/^SO-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    }
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('are found however a person types them', () => {
    for (const typed of ['SO-7KQ4-M2XH', 'so-7kq4-m2xh', '7KQ4M2XH', ' 7kq4 m2xh ', 'SO7KQ4M2XH']) {
      expect(orderNumberCandidates(typed)).toEqual(['SO-7KQ4-M2XH']);
    }
    // Crockford's look-alikes: O is 0, I and L are 1.
    expect(orderNumberCandidates('SO-1O2I-3L4X')).toEqual(['SO-1021-314X']);
    // Older sequential numbers still work, with or without the prefix.
    expect(orderNumberCandidates('100001')).toEqual(['SO-100001']);
    expect(orderNumberCandidates('so-100001')).toEqual(['SO-100001']);
    // Eight digits could be either.
    expect(orderNumberCandidates('12345678')).toEqual(['SO-12345678', 'SO-1234-5678']);
    expect(orderNumberCandidates('SO-UUUU-UUUU')).toEqual([]);
    expect(orderNumberCandidates('anything else')).toEqual([]);
  });
});
