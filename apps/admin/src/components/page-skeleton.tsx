import { classNames, Skeleton } from '@shop/ui';
import type { ReactNode } from 'react';

/*
 * The pieces every back-office loading.tsx is made of: a page of the right width announced once
 * to assistive tech ("Loading orders"), its header, a toolbar (filters, range) and cards. Heights
 * are literal class names so Tailwind finds them.
 */

const pageWidths = { '5xl': 'max-w-5xl', '6xl': 'max-w-6xl' } as const;

/**
 * The page being loaded; its children are the placeholders (hidden from assistive tech). The
 * label is the status's text, not an `aria-label`: a live region's text is what is read out.
 */
export function LoadingPage({
  label,
  width = '6xl',
  children,
}: {
  label: string;
  width?: keyof typeof pageWidths;
  children: ReactNode;
}) {
  return (
    <div className={classNames('mx-auto flex flex-col gap-6', pageWidths[width])} aria-busy="true">
      <p role="status" className="sr-only">
        {label}…
      </p>
      {children}
    </div>
  );
}

/** The page's eyebrow and title. */
export function HeaderSkeleton() {
  return <Skeleton className="h-16 w-72 max-w-full" />;
}

/** A row of filters or a search box above the content. */
export function ToolbarSkeleton() {
  return <Skeleton className="h-10 w-full max-w-xl" />;
}

const cardHeights = {
  sm: 'h-24',
  md: 'h-40',
  chart: 'h-60',
  lg: 'h-72',
  xl: 'h-96',
} as const;

/** A card, a table or a chart. */
export function CardSkeleton({ height = 'xl' }: { height?: keyof typeof cardHeights }) {
  return <Skeleton className={classNames('w-full rounded-card', cardHeights[height])} />;
}

/** The usual list page: header, toolbar and the list's card. */
export function ListPageSkeleton({ label }: { label: string }) {
  return (
    <LoadingPage label={label}>
      <HeaderSkeleton />
      <ToolbarSkeleton />
      <CardSkeleton />
    </LoadingPage>
  );
}
