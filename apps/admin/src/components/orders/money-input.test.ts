import { describe, expect, it } from 'vitest';
import { parseMoneyInput } from './money-input';

const minor = (text: string) => {
  const parsed = parseMoneyInput(text);
  return parsed.ok ? parsed.minor : parsed.message;
};

describe('the refund amount a staff member types', () => {
  it('reads euros with either decimal mark into exact cents', () => {
    expect(minor('12.3')).toBe(1230);
    expect(minor('12,30')).toBe(1230);
    expect(minor('12')).toBe(1200);
    expect(minor('0.01')).toBe(1);
    expect(minor(' €19.99 ')).toBe(1999);
    expect(minor('12.')).toBe(1200);
  });

  it('is exact where float arithmetic is not', () => {
    // 1.15 * 100 === 114.99999999999999 and 4.35 * 100 === 434.99999999999994 in floats.
    expect(minor('1.15')).toBe(115);
    expect(minor('4.35')).toBe(435);
    expect(minor('123456789.99')).toBe(12345678999);
  });

  it('refuses a third decimal instead of rounding it away', () => {
    expect(parseMoneyInput('1.005')).toEqual({
      ok: false,
      message: 'Use at most 2 decimals, for example 12.50.',
    });
  });

  it('accepts zero where a price or tax rate may be zero, and reads percentages as basis points', () => {
    expect(parseMoneyInput('0', { allowZero: true })).toEqual({ ok: true, minor: 0 });
    expect(parseMoneyInput('8.1', { allowZero: true })).toEqual({ ok: true, minor: 810 });
  });

  it('refuses what is not a positive amount', () => {
    for (const text of ['', 'abc', '-5', '1e3', '1.000,50', '1,2,3', '0', '0.00', '.5']) {
      expect(parseMoneyInput(text).ok, text).toBe(false);
    }
    expect(parseMoneyInput('1234567890')).toEqual({
      ok: false,
      message: 'That amount is too large.',
    });
  });
});
