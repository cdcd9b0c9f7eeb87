'use client';

import { Button, EmptyState, Notice } from '@shop/ui';
import type { ZeroResultQuery } from './merchandising-types';

interface ZeroResultListProps {
  /** null: the analytics service did not answer. */
  items: ZeroResultQuery[] | null;
  canWrite: boolean;
  onSynonym: (query: string) => void;
  onRedirect: (query: string) => void;
}

/** Searches that found nothing, each one click from a synonym or a redirect form. */
export function ZeroResultList({ items, canWrite, onSynonym, onRedirect }: ZeroResultListProps) {
  if (items === null) {
    return (
      <Notice tone="degraded" title="These searches cannot be shown right now">
        The analytics service is not answering. Reload the page in a moment.
      </Notice>
    );
  }
  if (items.length === 0) {
    return <EmptyState as="h3" title="Every search found something" />;
  }
  return (
    <ul
      className="divide-y divide-line"
      aria-label="Searches that found nothing"
      data-testid="zero-result-list"
    >
      {items.map((item) => (
        <li key={item.query} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <span className="min-w-0 break-words">
            “{item.query}”{' '}
            <span className="text-sm text-ink-muted tabular-nums">
              {item.count} {item.count === 1 ? 'search' : 'searches'}
            </span>
          </span>
          {canWrite ? (
            <span className="flex gap-2">
              <Button size="sm" variant="secondary" onClick={() => onSynonym(item.query)}>
                Add a synonym<span className="sr-only"> for {item.query}</span>
              </Button>
              <Button size="sm" variant="ghost" onClick={() => onRedirect(item.query)}>
                Redirect<span className="sr-only"> {item.query}</span>
              </Button>
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
