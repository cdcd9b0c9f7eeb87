/**
 * Wall-clock time in the shop's time zone and instants, both ways, for the schedule's
 * `datetime-local` input (which has no zone of its own). Pure Intl: no date library needed for
 * one conversion.
 */

const wallClock = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Minutes the zone is ahead of UTC at `instant` (60 for Amsterdam in winter). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant `local` ("2026-12-06T09:00") names in `timeZone`, or null when it is not a
 * wall-clock time. A time skipped by a DST change is read with the offset before the change.
 */
export function instantOfWallClock(local: string, timeZone: string): Date | null {
  const match = wallClock.exec(local);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as number[];
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!);
  if (Number.isNaN(asUtc)) return null;
  const first = asUtc - offsetMinutes(asUtc, timeZone) * 60_000;
  const second = asUtc - offsetMinutes(first, timeZone) * 60_000;
  return new Date(second);
}

/** `instant` as the `datetime-local` input shows it in `timeZone` ("2026-12-06T09:00"). */
export function wallClockOf(instant: Date, timeZone: string): string {
  const shifted = new Date(instant.getTime() + offsetMinutes(instant.getTime(), timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** "6 Dec 2026, 09:00" in the zone, for lists and the progress page. */
export function formatInZone(instant: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(instant));
}
