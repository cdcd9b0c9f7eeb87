import { Button, Container, Input, buttonClassNames } from '@shop/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { PopularCategories } from '@/components/popular-categories';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

/**
 * A 404 that helps: search right here, or jump to a category. When the catalogue is down the
 * page still offers search and the home page.
 */
export default function NotFound() {
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
      <PopularCategories />
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
