import { Button, Container, Input, buttonClassNames } from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { getCategoryTree } from '@/server/catalogue';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

/**
 * A 404 that helps: search right here, or jump to a category. The categories come from the
 * cached tree; when the catalogue is down the page still offers search and the home page.
 */
export default async function NotFound() {
  // Rendered per request (never prerendered at build, when no cell answers), from the cached tree.
  await connection();
  const tree = await getCategoryTree();
  const categories = tree.ok ? tree.data.items.slice(0, 8) : [];
  return (
    <Container className="mt-16 max-w-2xl text-center" data-testid="not-found">
      <p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">Error 404</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-ink">
        We couldn’t find that page
      </h1>
      <p className="mt-3 text-ink-muted">
        The product or page you were looking for may have moved or is no longer available. Try a
        search, or pick a category below.
      </p>
      <form action="/search" role="search" className="mx-auto mt-8 flex max-w-md gap-2">
        <label htmlFor="not-found-search" className="sr-only">
          Search products
        </label>
        <Input
          id="not-found-search"
          name="q"
          type="search"
          placeholder="Search products, brands…"
        />
        <Button type="submit">Search</Button>
      </form>
      {categories.length > 0 ? (
        <nav aria-labelledby="popular-categories" className="mt-10">
          <h2 id="popular-categories" className="text-sm font-semibold text-ink">
            Popular categories
          </h2>
          <ul className="mt-3 flex flex-wrap justify-center gap-2">
            {categories.map((category) => (
              <li key={category.slug}>
                <Link
                  href={`/categories/${category.slug}` as Route}
                  className="inline-flex h-9 items-center rounded-full border border-line-strong bg-surface px-4 text-sm font-medium text-ink shadow-card hover:bg-surface-sunken"
                >
                  {category.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div className="mt-10 flex flex-wrap justify-center gap-3">
        <Link href="/products" className={buttonClassNames({ variant: 'secondary' })}>
          Shop all products
        </Link>
        <Link href="/" className={buttonClassNames({ variant: 'secondary' })}>
          Go to the home page
        </Link>
      </div>
    </Container>
  );
}
