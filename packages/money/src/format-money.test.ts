import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  formatWholeMoney,
  minorToDecimalString,
  minorUnitDigits,
  decimalTextToMinor,
} from './format-money';

describe('minorUnitDigits', () => {
  it('knows each currency’s own number of minor digits', () => {
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('USD')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
  });

  it('refuses a code that is not a currency', () => {
    expect(() => minorUnitDigits('EURO')).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('shows cents as a dollar amount', () => {
    expect(formatMoney(129_99, 'USD')).toBe('$129.99');
    expect(formatMoney(5, 'USD')).toBe('$0.05');
  });

  it('shows euro cents as euros', () => {
    expect(formatMoney(4200, 'EUR')).toBe('€42.00');
    expect(formatMoney(123_456, 'EUR', 'de-DE')).toBe('1.234,56\u00a0€');
  });

  it('does not divide yen, which have no minor unit', () => {
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500');
    expect(formatMoney(7, 'JPY')).toBe('¥7');
  });

  it('divides Kuwaiti fils by a thousand', () => {
    expect(formatMoney(1234, 'KWD')).toBe('KWD\u00a01.234');
    expect(formatMoney(5, 'KWD')).toBe('KWD\u00a00.005');
  });

  it('keeps amounts beyond float precision exact', () => {
    expect(formatMoney(9_007_199_254_740_991, 'USD')).toBe('$90,071,992,547,409.91');
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
    expect(minorToDecimalString(1250, 'KWD')).toBe('1.250');
  });
});

describe('formatWholeMoney', () => {
  it('drops the minor digits of each currency', () => {
    expect(formatWholeMoney(2500, 'EUR')).toBe('€25');
    expect(formatWholeMoney(2500, 'JPY')).toBe('¥2,500');
    expect(formatWholeMoney(25_000, 'KWD')).toBe('KWD\u00a025');
  });

  it('rounds an amount that has minor units', () => {
    expect(formatWholeMoney(2550, 'USD')).toBe('$26');
  });
});

describe('decimalTextToMinor', () => {
  it('reads euros and dollars with a point or a comma', () => {
    expect(decimalTextToMinor('12', 'EUR')).toBe(1200);
    expect(decimalTextToMinor('12.5', 'EUR')).toBe(1250);
    expect(decimalTextToMinor('12,50', 'EUR')).toBe(1250);
    expect(decimalTextToMinor('0.01', 'USD')).toBe(1);
  });

  it('takes as many decimals as the currency has: none for yen, three for dinars', () => {
    expect(decimalTextToMinor('1500', 'JPY')).toBe(1500);
    expect(decimalTextToMinor('1500.5', 'JPY')).toBeNull();
    expect(decimalTextToMinor('1.234', 'KWD')).toBe(1234);
    expect(decimalTextToMinor('1.234', 'EUR')).toBeNull();
  });

  it('refuses signs, thousands separators and anything that is not an amount', () => {
    for (const text of ['-5', '+5', '1 000', '1,000.00', '12.', '.5', 'twelve', '', '1e3']) {
      expect(decimalTextToMinor(text, 'EUR'), text).toBeNull();
    }
  });

  it('is the inverse of minorToDecimalString', () => {
    for (const [minor, currency] of [
      [1250, 'EUR'],
      [7, 'USD'],
      [1500, 'JPY'],
      [1234, 'KWD'],
    ] as const) {
      expect(decimalTextToMinor(minorToDecimalString(minor, currency), currency)).toBe(minor);
    }
  });
});
