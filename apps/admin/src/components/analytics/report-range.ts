import { z } from 'zod';

export type ReportInterval = 'day' | 'week' | 'month';

export interface ReportRange {
  from: string;
  to: string;
  interval: ReportInterval;
}

/** A day of the calendar as `YYYY-MM-DD` (not 2026-02-31). */
const localDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((day) => {
    const time = Date.parse(`${day}T00:00:00Z`);
    return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === day;
  });

/**
 * The longest range a report covers, first and last day included (the analytics cell refuses a
 * last day more than 400 days after the first).
 */
export const maxReportDays = 400;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Today in the store's default time zone (the reports state the zone they used). */
function today(timeZone = 'Europe/Amsterdam'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
}

function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The range in the page's query (`?from=&to=&interval=`), or the last 30 days by day. A range
 * given backwards is put the right way round rather than refused.
 */
export function reportRangeOf(params: Record<string, string | string[] | undefined>): ReportRange {
  const end = today();
  const from = localDay.safeParse(first(params.from));
  const to = localDay.safeParse(first(params.to));
  const interval = z.enum(['day', 'week', 'month']).safeParse(first(params.interval));
  const range = {
    from: from.success ? from.data : daysBefore(end, 29),
    to: to.success ? to.data : end,
  };
  const [earlier, later] = range.from <= range.to ? [range.from, range.to] : [range.to, range.from];
  return { from: earlier, to: later, interval: interval.success ? interval.data : 'day' };
}

/** How many days the range covers, first and last included. */
export function daysIn(range: Pick<ReportRange, 'from' | 'to'>): number {
  return Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000) + 1;
}

/**
 * Why the cells would refuse the range, in the merchant's words, or null: a range longer than
 * the reports cover is said at the form, rather than every report saying it is unavailable.
 */
export function reportRangeProblem(range: ReportRange): string | null {
  const days = daysIn(range);
  if (days <= maxReportDays) return null;
  return `${range.from} to ${range.to} is ${days.toLocaleString('en-GB')} days; a report covers at most ${maxReportDays}. Choose a shorter range.`;
}

export function reportQuery(range: ReportRange): string {
  return new URLSearchParams({
    from: range.from,
    to: range.to,
    interval: range.interval,
  }).toString();
}
