import { Cron } from 'croner';

/**
 * Next fire time of an Inngest cron trigger, which may carry a `TZ=Area/City ` prefix. croner is
 * used because it is maintained, dependency-free, handles time zones and DST, and accepts the
 * optional seconds field; without a prefix schedules are in UTC, as Inngest's are.
 */
export function nextCronRun(expression: string, after: Date): Date | null {
  const { pattern, timezone } = splitTimezone(expression);
  const cron = new Cron(pattern, { timezone, paused: true });
  return cron.nextRun(after);
}

/** Throws with croner's explanation when the expression is not a valid schedule. */
export function assertValidCron(expression: string): void {
  const { pattern, timezone } = splitTimezone(expression);
  new Cron(pattern, { timezone, paused: true });
}

function splitTimezone(expression: string): { pattern: string; timezone: string } {
  const match = /^(?:CRON_TZ|TZ)=(\S+)\s+(.+)$/.exec(expression.trim());
  return match
    ? { timezone: match[1] ?? 'UTC', pattern: match[2] ?? '' }
    : { timezone: 'UTC', pattern: expression.trim() };
}
