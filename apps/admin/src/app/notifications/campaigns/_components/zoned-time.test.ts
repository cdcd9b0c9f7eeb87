import { describe, expect, it } from 'vitest';
import { instantOfWallClock, wallClockOf } from './zoned-time';

describe('the schedule input in the shop time zone', () => {
  it('reads a wall-clock time in Amsterdam in winter and in summer', () => {
    expect(instantOfWallClock('2026-12-06T09:00', 'Europe/Amsterdam')?.toISOString()).toBe(
      '2026-12-06T08:00:00.000Z',
    );
    expect(instantOfWallClock('2026-07-01T09:00', 'Europe/Amsterdam')?.toISOString()).toBe(
      '2026-07-01T07:00:00.000Z',
    );
    expect(instantOfWallClock('2026-12-06T09:00', 'America/New_York')?.toISOString()).toBe(
      '2026-12-06T14:00:00.000Z',
    );
  });

  it('refuses what is not a wall-clock time', () => {
    expect(instantOfWallClock('tomorrow', 'Europe/Amsterdam')).toBeNull();
    expect(instantOfWallClock('2026-12-06 09:00', 'Europe/Amsterdam')).toBeNull();
  });

  it('shows an instant back as the input holds it', () => {
    const instant = new Date('2026-12-06T08:00:00Z');
    expect(wallClockOf(instant, 'Europe/Amsterdam')).toBe('2026-12-06T09:00');
    expect(wallClockOf(instant, 'UTC')).toBe('2026-12-06T08:00');
  });
});
