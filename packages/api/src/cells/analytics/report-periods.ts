import { daysBetween } from './zoned-time';

/** The period a local day belongs to: the day, its ISO week's Monday, or its month. */
export function periodOf(day: string, interval: 'day' | 'week' | 'month'): string {
  if (interval === 'day') return day;
  if (interval === 'month') return day.slice(0, 7);
  const date = new Date(`${day}T00:00:00Z`);
  const mondayOffset = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - mondayOffset * 86_400_000).toISOString().slice(0, 10);
}

/** The range of the same length just before [from, to], for "previous period" columns. */
export function previousRange(from: string, to: string): { from: string; to: string } {
  const length = daysBetween(from, to).length;
  const start = new Date(`${from}T00:00:00Z`).getTime();
  return {
    from: new Date(start - length * 86_400_000).toISOString().slice(0, 10),
    to: new Date(start - 86_400_000).toISOString().slice(0, 10),
  };
}

/** The periods a range of local days falls into, oldest first, each once. */
export function periodsOf(from: string, to: string, interval: 'day' | 'week' | 'month'): string[] {
  return [...new Set(daysBetween(from, to).map((day) => periodOf(day, interval)))];
}
