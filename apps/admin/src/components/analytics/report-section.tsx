import type { ReactNode } from 'react';
import type { Route } from 'next';
import Link from 'next/link';
import { buttonClassNames } from '@shop/ui';
import { reportQuery, type ReportRange } from './report-range';
import type { ReportName } from './report-types';

/** One report: a heading, its CSV download, and its content (chart and table). */
export function ReportSection({
  id,
  title,
  report,
  range,
  children,
}: {
  id: string;
  title: string;
  report: ReportName;
  range: ReportRange;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3" data-testid={`report-${report}`}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={id} className="text-lg font-semibold text-ink">
          {title}
        </h2>
        <Link
          href={`/analytics/csv?report=${report}&${reportQuery(range)}` as Route}
          prefetch={false}
          download
          className={buttonClassNames({ variant: 'secondary', size: 'sm' })}
        >
          Download CSV
        </Link>
      </div>
      {children}
    </section>
  );
}

/** A bar per row, for a glance; hidden from assistive tech because the table says the same. */
export function Bars({ values }: { values: { label: string; value: number }[] }) {
  const largest = Math.max(1, ...values.map((entry) => entry.value));
  return (
    <div aria-hidden="true" className="flex h-32 items-end gap-1 overflow-hidden">
      {values.map((entry) => (
        <div
          key={entry.label}
          title={`${entry.label}: ${entry.value}`}
          className="min-w-1 flex-1 rounded-t bg-accent-600"
          style={{ height: `${Math.max(2, (entry.value / largest) * 100)}%` }}
        />
      ))}
    </div>
  );
}
