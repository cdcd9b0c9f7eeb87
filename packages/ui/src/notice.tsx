import type { ReactNode } from 'react';
import { classNames } from './class-names';

export type NoticeTone = 'info' | 'success' | 'warning' | 'danger' | 'degraded';

const toneClasses: Record<NoticeTone, string> = {
  info: 'border-info/25 bg-info-soft text-info',
  success: 'border-success/25 bg-success-soft text-success',
  warning: 'border-warning/30 bg-warning-soft text-warning',
  danger: 'border-danger/25 bg-danger-soft text-danger',
  // A service is down but the page still works: calmer than an error, clearer than info.
  degraded: 'border-warning/30 bg-warning-soft text-warning',
};

const iconPaths: Record<NoticeTone, string> = {
  info: 'M12 16v-4m0-4h.01M22 12a10 10 0 1 1-20 0 10 10 0 0 1 20 0Z',
  success: 'm8.5 12.5 2.5 2.5 5-5.5M22 12a10 10 0 1 1-20 0 10 10 0 0 1 20 0Z',
  warning:
    'M12 9v4m0 4h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z',
  danger: 'M12 8v4m0 4h.01M22 12a10 10 0 1 1-20 0 10 10 0 0 1 20 0Z',
  degraded: 'M18.4 5.6a9 9 0 1 1-12.8 0M12 2v10',
};

export interface NoticeProps {
  tone?: NoticeTone;
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
  'data-testid'?: string;
}

/**
 * A message about the state of the page. Errors are announced at once (`role="alert"`); the
 * other tones are polite status messages that do not interrupt what the user is doing.
 */
export function Notice({
  tone = 'info',
  title,
  children,
  action,
  className,
  ...rest
}: NoticeProps) {
  return (
    <div
      role={tone === 'danger' ? 'alert' : 'status'}
      data-tone={tone}
      className={classNames(
        'flex flex-col gap-3 rounded-card border px-4 py-3 sm:flex-row sm:items-start',
        toneClasses[tone],
        className,
      )}
      {...rest}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        className="hidden size-5 shrink-0 sm:mt-0.5 sm:block"
      >
        <path d={iconPaths[tone]} />
      </svg>
      <div className="min-w-0 flex-1">
        <p className="font-semibold">{title}</p>
        {children ? <div className="mt-1 text-sm text-ink-muted">{children}</div> : null}
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </div>
  );
}
