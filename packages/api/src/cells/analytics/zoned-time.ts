/**
 * Calendar arithmetic in the store's time zone with the platform's Intl data (no library): a day
 * is from local midnight to the next local midnight, which is 23 or 25 hours on a DST change.
 */

const hourMs = 60 * 60 * 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function localParts(timeZone: string, instant: number): LocalParts {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** Whether the platform knows the zone (`Europe/Amsterdam` yes, `Mars/Olympus` no). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds the zone is ahead of UTC at `instant` (+1 h in Amsterdam's winter). */
export function zoneOffsetMs(timeZone: string, instant: number): number {
  const local = localParts(timeZone, instant);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  return asUtc - Math.floor(instant / 60_000) * 60_000;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The local calendar day of an instant, `2026-03-29`. */
export function localDayOf(timeZone: string, instant: number): string {
  const local = localParts(timeZone, instant);
  return `${local.year}-${pad(local.month)}-${pad(local.day)}`;
}

/**
 * The local hour of an instant with its offset, `2026-10-25T02+02:00`: the hour that happens
 * twice when clocks go back is two buckets, not one.
 */
export function localHourOf(timeZone: string, instant: number): string {
  const local = localParts(timeZone, instant);
  const offsetMinutes = zoneOffsetMs(timeZone, instant) / 60_000;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${localDayOf(timeZone, instant)}T${pad(local.hour)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The instant of local midnight starting `day` (`YYYY-MM-DD`). */
export function localMidnight(timeZone: string, day: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, date);
  // Two passes: the offset at the guess, then at the corrected instant (they differ near a change).
  const first = wall - zoneOffsetMs(timeZone, wall);
  return wall - zoneOffsetMs(timeZone, first);
}

/** The day after `day`, as a calendar date (no time zone involved). */
export function nextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/** [start, end) of a local day: 24 hours, or 23/25 on a DST change. */
export function localDayBounds(timeZone: string, day: string): { start: number; end: number } {
  return { start: localMidnight(timeZone, day), end: localMidnight(timeZone, nextDay(day)) };
}

/** Every local day from `from` to `to`, both included (`YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to && days.length < 3700; day = nextDay(day)) days.push(day);
  return days;
}

export { hourMs };
