import type { HTMLAttributes, ReactNode } from 'react';
import { classNames } from './class-names';

/** Centres page content with the shared maximum width and side padding. */
export function Container({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      className={classNames('mx-auto w-full max-w-7xl px-4 sm:px-6 lg:px-8', className)}
      {...rest}
    />
  );
}

/** The first focusable element of a page: lets keyboard users jump past the navigation. */
export function SkipLink({
  href = '#main',
  children = 'Skip to content',
}: {
  href?: string;
  children?: ReactNode;
}) {
  return (
    <a
      href={href}
      className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-control focus:bg-surface focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:shadow-raised"
    >
      {children}
    </a>
  );
}

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  eyebrow?: ReactNode;
  actions?: ReactNode;
  className?: string;
}

/** The page's one h1, with an optional kicker above and actions beside it. */
export function PageHeader({ title, description, eyebrow, actions, className }: PageHeaderProps) {
  return (
    <header
      className={classNames(
        'flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between',
        className,
      )}
    >
      <div className="min-w-0">
        {eyebrow ? <p className="text-sm font-medium text-accent-700">{eyebrow}</p> : null}
        <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words text-ink sm:text-3xl">
          {title}
        </h1>
        {description ? <p className="mt-2 max-w-2xl text-ink-muted">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 gap-2">{actions}</div> : null}
    </header>
  );
}

export interface SectionHeadingProps {
  id?: string;
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
}

/** An h2 for a page section, with an optional short description and a trailing link. */
export function SectionHeading({ id, title, description, action }: SectionHeadingProps) {
  return (
    <div className="mb-5 flex items-end justify-between gap-4">
      <div>
        <h2 id={id} className="text-xl font-semibold tracking-tight text-ink">
          {title}
        </h2>
        {description ? <p className="mt-1 text-sm text-ink-muted">{description}</p> : null}
      </div>
      {action ? <div className="shrink-0 text-sm">{action}</div> : null}
    </div>
  );
}

/** The wordmark: a small accent mark and the brand name, used by both apps' headers. */
export function Logo({ name = 'Shop', suffix }: { name?: string; suffix?: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-2 font-semibold tracking-tight text-ink">
      <svg aria-hidden="true" viewBox="0 0 32 32" className="size-7">
        <rect width="32" height="32" rx="9" className="fill-accent-600" />
        <path
          d="M10 12h12l-1.2 10.2a2 2 0 0 1-2 1.8h-5.6a2 2 0 0 1-2-1.8L10 12Zm3 0v-1a3 3 0 0 1 6 0v1"
          fill="none"
          stroke="white"
          strokeWidth="2"
          strokeLinejoin="round"
        />
      </svg>
      <span className="text-lg">{name}</span>
      {suffix ? <span className="text-sm font-medium text-ink-muted">{suffix}</span> : null}
    </span>
  );
}
