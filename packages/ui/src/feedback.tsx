import type { HTMLAttributes, ReactNode } from 'react';
import { classNames } from './class-names';

/** A busy indicator; its label is read by screen readers, the ring is decoration. */
export function Spinner({ label = 'Loading', className }: { label?: string; className?: string }) {
  return (
    <span
      role="status"
      className={classNames('inline-flex items-center gap-2 text-ink-muted', className)}
    >
      <span
        aria-hidden="true"
        className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent"
      />
      <span className="sr-only">{label}</span>
    </span>
  );
}

/** A grey block standing in for content that is loading; hidden from assistive technology. */
export function Skeleton({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      aria-hidden="true"
      className={classNames('animate-shimmer rounded-control bg-line', className)}
      {...rest}
    />
  );
}

export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  icon?: ReactNode;
  /** The title's heading level: h2 inside a page, h1 when the empty state is the whole page. */
  as?: 'h1' | 'h2' | 'h3' | 'h4';
  className?: string;
}

/** What to show when a list has nothing in it: say so plainly and offer the next step. */
export function EmptyState({
  title,
  description,
  action,
  icon,
  as: Heading = 'h2',
  className,
}: EmptyStateProps) {
  return (
    <div
      className={classNames(
        'flex flex-col items-center rounded-card border border-dashed border-line-strong bg-surface px-6 py-12 text-center',
        className,
      )}
    >
      <div
        aria-hidden="true"
        className="mb-4 grid size-12 place-items-center rounded-full bg-surface-sunken text-ink-subtle"
      >
        {icon ?? (
          <svg
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth={1.75}
            className="size-6"
          >
            <path
              d="M21 21l-4.35-4.35M10.5 18a7.5 7.5 0 1 1 0-15 7.5 7.5 0 0 1 0 15Z"
              strokeLinecap="round"
            />
          </svg>
        )}
      </div>
      <Heading className="text-base font-semibold text-ink">{title}</Heading>
      {description ? <p className="mt-1 max-w-md text-sm text-ink-muted">{description}</p> : null}
      {action ? <div className="mt-5">{action}</div> : null}
    </div>
  );
}
