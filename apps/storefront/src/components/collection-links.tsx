import type { RouterOutputs } from '@shop/api/client';
import type { Route } from 'next';
import Link from 'next/link';

type CollectionLink = RouterOutputs['product']['collectionLinks']['items'][number];

/** Staff-made collections as a row of links (home page); wraps on narrow screens. */
export function CollectionLinks({ collections }: { collections: CollectionLink[] }) {
  return (
    <ul className="flex flex-wrap gap-2">
      {collections.map((collection) => (
        <li key={collection.handle}>
          <Link
            href={`/collections/${collection.handle}` as Route}
            className="inline-flex min-h-11 items-center rounded-full border border-line bg-surface px-4 text-sm font-medium text-ink transition-colors hover:border-accent-600 hover:text-accent-700"
          >
            {collection.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}
