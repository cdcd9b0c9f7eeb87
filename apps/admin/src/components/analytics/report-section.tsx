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
