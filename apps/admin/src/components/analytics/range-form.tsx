import { buttonClassNames, classNames } from '@shop/ui';
import { RangeDateField } from './range-date-field';
import type { ReportRange } from './report-range';

/**
 * The date-range picker: a plain GET form, so the range is in the URL and works without JS. A
 * range the reports cannot cover (`problem`) is said below it, tied to both dates.
 */
export function RangeForm({ range, problem }: { range: ReportRange; problem?: string | null }) {
  const field = (invalid: boolean) =>
    classNames(
      'rounded-md border bg-surface px-3 py-2 text-sm text-ink',
      invalid ? 'border-danger' : 'border-line',
    );
  const dateField = {
    className: field(Boolean(problem)),
    problemId: problem ? 'range-problem' : undefined,
  };
  return (
    <form method="get" className="flex flex-col gap-2" data-testid="analytics-range">
      <div className="flex flex-wrap items-end gap-3">
        <RangeDateField name="from" label="From" value={range.from} {...dateField} />
        <RangeDateField name="to" label="To" value={range.to} {...dateField} />
        <label className="flex flex-col gap-1 text-sm text-ink-muted">
          Group by
          <select name="interval" defaultValue={range.interval} className={field(false)}>
            <option value="day">Day</option>
            <option value="week">Week</option>
            <option value="month">Month</option>
          </select>
        </label>
        <button type="submit" className={buttonClassNames({ variant: 'primary', size: 'sm' })}>
          Show
        </button>
      </div>
      {problem ? (
        <p id="range-problem" role="alert" className="text-sm font-medium text-danger">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
