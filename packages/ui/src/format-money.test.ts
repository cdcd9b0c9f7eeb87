import { describe, expect, it } from 'vitest';
import { formatMoney, minorToDecimalString } from './format-money';

describe('formatMoney', () => {
  it('shows cents as a dollar amount', () => {
    expect(formatMoney(129_99, 'USD', 'en-US')).toBe('$129.99');
    expect(formatMoney(5, 'USD', 'en-US')).toBe('$0.05');
  });

  it('uses the currency own minor digits', () => {
    expect(formatMoney(1500, 'JPY', 'en-US')).toBe('¥1,500');
    expect(formatMoney(1234, 'KWD', 'en-US')).toBe('KWD\u00a01.234');
  });

  it('follows the locale for separators and symbol position', () => {
    expect(formatMoney(123_456, 'EUR', 'de-DE')).toBe('1.234,56\u00a0€');
  });

  it('keeps amounts beyond float precision exact', () => {
    expect(formatMoney(9_007_199_254_740_991, 'USD', 'en-US')).toBe('$90,071,992,547,409.91');
  });

  it('formats refunds and other negative amounts', () => {
    expect(formatMoney(-250, 'GBP', 'en-GB')).toBe('-£2.50');
  });

  it('refuses fractional minor units instead of rounding silently', () => {
    expect(() => formatMoney(10.5, 'USD')).toThrow(RangeError);
  });
});

describe('minorToDecimalString', () => {
  it('writes major units with the currency’s own number of digits', () => {
    expect(minorToDecimalString(1250, 'USD')).toBe('12.50');
    expect(minorToDecimalString(5, 'EUR')).toBe('0.05');
    expect(minorToDecimalString(1250, 'JPY')).toBe('1250');
  });
});
