import type { ElementType } from 'react';
import { classNames } from './class-names';

export interface BreadcrumbItem {
  name: string;
  /** Absent for the current page (the last crumb). */
  href?: string;
}

export interface BreadcrumbsProps {
  items: BreadcrumbItem[];
  /** The link element: pass the app's router link (e.g. next/link). */
  linkAs?: ElementType;
  className?: string;
}

/** Where the page sits in the site: a labelled list of links, the last one marked current. */
export function Breadcrumbs({ items, linkAs: Link = 'a', className }: BreadcrumbsProps) {
  return (
    <nav aria-label="Breadcrumb" className={classNames('text-sm text-ink-muted', className)}>
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
        {items.map((item, index) => (
          <li key={`${index}-${item.name}`} className="flex items-center gap-1.5">
            {index > 0 ? (
              <span aria-hidden="true" className="text-ink-subtle">
                /
              </span>
            ) : null}
            {item.href && index < items.length - 1 ? (
              <Link href={item.href} className="hover:text-ink hover:underline">
                {item.name}
              </Link>
            ) : (
              <span aria-current="page" className="font-medium text-ink">
                {item.name}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
