import { buttonClassNames } from '@shop/ui';
import type { ReportRange } from './report-range';

/** The date-range picker: a plain GET form, so the range is in the URL and works without JS. */
export function RangeForm({ range }: { range: ReportRange }) {
  const input = 'rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink';
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" data-testid="analytics-range">
      <label className="flex flex-col gap-1 text-sm text-ink-muted">
        From
        <input type="date" name="from" defaultValue={range.from} className={input} required />
      </label>
      <label className="flex flex-col gap-1 text-sm text-ink-muted">
        To
        <input type="date" name="to" defaultValue={range.to} className={input} required />
      </label>
      <label className="flex flex-col gap-1 text-sm text-ink-muted">
        Group by
        <select name="interval" defaultValue={range.interval} className={input}>
          <option value="day">Day</option>
          <option value="week">Week</option>
          <option value="month">Month</option>
        </select>
      </label>
      <button type="submit" className={buttonClassNames({ variant: 'primary', size: 'sm' })}>
        Show
      </button>
    </form>
  );
}
