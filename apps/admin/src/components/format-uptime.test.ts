import { describe, expect, it } from 'vitest';
import { formatUptime } from './format-uptime';

describe('formatUptime', () => {
  it('shows the two largest units', () => {
    expect(formatUptime(42)).toBe('42s');
    expect(formatUptime(8_100)).toBe('2h 15m');
    expect(formatUptime(273_600)).toBe('3d 4h');
  });

  it('keeps the second unit when it is zero', () => {
    expect(formatUptime(3_600)).toBe('1h 0m');
  });

  it('never shows a negative or empty duration', () => {
    expect(formatUptime(0)).toBe('0s');
    expect(formatUptime(-5)).toBe('0s');
  });
});
