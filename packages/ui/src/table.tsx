import type { ReactNode } from 'react';
import { classNames } from './class-names';
import { EmptyState, Skeleton } from './feedback';

/** Breakpoints below which a column may be left out (Tailwind's `sm`, `md`, `lg`). */
export type TableBreakpoint = 'sm' | 'md' | 'lg';

export interface TableColumn<Row> {
  /** Unique among the table's columns (React key). */
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** `end` for numbers and money, so digits line up. */
  align?: 'start' | 'end';
  /** Hide the column on screens narrower than this breakpoint (it stays in the markup). */
  hideBelow?: TableBreakpoint;
  /** This column names the row: its cells are `<th scope="row">`. */
  rowHeader?: boolean;
  /** Extra classes for this column's body cells (e.g. `whitespace-nowrap`). */
  className?: string;
}

/** A table is named by a caption (visually hidden unless `captionVisible`) or by `aria-label`. */
type TableName =
  | { caption: ReactNode; captionVisible?: boolean; 'aria-label'?: never }
  | { 'aria-label': string; caption?: never; captionVisible?: never };

export type TableProps<Row> = TableName & {
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Shown instead of the table when there are no rows (and it is not loading). */
  empty?: ReactNode;
  /** Placeholder rows while the data is on its way; the table says it is busy. */
  loading?: boolean;
  /** How many placeholder rows `loading` shows. */
  loadingRows?: number;
  /** Rows for a `<tfoot>` (totals), written by the caller. */
  footer?: ReactNode;
  /** Attributes for a row, e.g. `{ 'data-testid': 'order-row' }`. */
  rowProps?: (row: Row) => { 'data-testid'?: string; className?: string };
  /** A card's border and shadow around the table. */
  framed?: boolean;
  /** `compact` for tables inside a card's body (order lines). */
  density?: 'comfortable' | 'compact';
  /** Classes for the scrolling wrapper. */
  className?: string;
  /** Classes for the `<table>`, e.g. a `min-w-[44rem]` below which the wrapper scrolls sideways. */
  tableClassName?: string;
  'data-testid'?: string;
};

// Literal class names, so Tailwind finds them when it scans this file.
const hiddenBelow: Record<TableBreakpoint, string> = {
  sm: 'hidden sm:table-cell',
  md: 'hidden md:table-cell',
  lg: 'hidden lg:table-cell',
};

const padding = { comfortable: 'px-5 py-3', compact: 'px-5 py-2.5' } as const;

/** The classes every cell of a column shares: alignment and when it is hidden. */
export function columnClassNames(column: Pick<TableColumn<unknown>, 'align' | 'hideBelow'>) {
  return classNames(
    column.align === 'end' ? 'text-right' : 'text-left',
    column.hideBelow ? hiddenBelow[column.hideBelow] : undefined,
  );
}

/**
 * A data table: column headers with `scope="col"`, a caption or label naming it, a wrapper that
 * scrolls sideways on narrow screens, and an empty and a loading state.
 */
export function Table<Row>(props: TableProps<Row>) {
  const {
    columns,
    rows,
    rowKey,
    empty,
    loading = false,
    loadingRows = 3,
    footer,
    rowProps,
    framed = false,
    density = 'comfortable',
    className,
    tableClassName,
  } = props;

  if (!loading && rows.length === 0) {
    // A message given as text is a paragraph of its own (two empty tables side by side ran their
    // messages together), under the visible caption when there is one: "No sales in this range"
    // must still say which list it is about.
    const message =
      typeof empty === 'string' ? (
        <p className="text-sm text-ink-muted">{empty}</p>
      ) : (
        (empty ?? <EmptyState title="Nothing to show" />)
      );
    if (!props.captionVisible) return <>{message}</>;
    return (
      <div className="flex flex-col gap-1">
        <p className="text-sm font-medium text-ink">{props.caption}</p>
        {message}
      </div>
    );
  }

  const cellPadding = padding[density];
  const caption =
    props.caption !== undefined ? (
      <caption className={props.captionVisible ? 'px-5 py-3 text-left text-ink' : 'sr-only'}>
        {props.caption}
      </caption>
    ) : null;

  return (
    <div
      className={classNames(
        'overflow-x-auto',
        framed && 'rounded-card border border-line bg-surface shadow-card',
        className,
      )}
    >
      <table
        className={classNames('w-full text-left text-sm', tableClassName)}
        aria-label={props['aria-label']}
        aria-busy={loading || undefined}
        data-testid={props['data-testid']}
      >
        {caption}
        <thead className="border-b border-line text-xs font-medium tracking-wide text-ink-muted uppercase">
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={classNames(cellPadding, 'font-medium', columnClassNames(column))}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {loading
            ? Array.from({ length: loadingRows }, (_, index) => (
                <tr key={index} data-loading-row="">
                  {columns.map((column) => (
                    <td
                      key={column.key}
                      className={classNames(cellPadding, columnClassNames(column))}
                    >
                      <Skeleton className="inline-block h-4 w-full max-w-32" />
                    </td>
                  ))}
                </tr>
              ))
            : rows.map((row) => {
                const extra = rowProps?.(row);
                return (
                  <tr key={rowKey(row)} {...extra}>
                    {columns.map((column) => {
                      const cellClassName = classNames(
                        cellPadding,
                        columnClassNames(column),
                        column.className,
                      );
                      return column.rowHeader ? (
                        <th
                          key={column.key}
                          scope="row"
                          className={classNames('font-medium text-ink', cellClassName)}
                        >
                          {column.cell(row)}
                        </th>
                      ) : (
                        <td key={column.key} className={cellClassName}>
                          {column.cell(row)}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
        </tbody>
        {footer && !loading ? <tfoot className="border-t border-line">{footer}</tfoot> : null}
      </table>
      {loading ? (
        <p role="status" className="sr-only">
          Loading
        </p>
      ) : null}
    </div>
  );
}
