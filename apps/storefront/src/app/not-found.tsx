import { Container, EmptyState, buttonClassNames } from '@shop/ui';
import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <Container className="mt-16">
      <EmptyState
        as="h1"
        title="We couldn’t find that page"
        description="The product or page you were looking for may have moved or is no longer available."
        action={
          <div className="flex flex-wrap justify-center gap-3">
            <Link href="/products" className={buttonClassNames()}>
              Shop all products
            </Link>
            <Link href="/" className={buttonClassNames({ variant: 'secondary' })}>
              Go to the home page
            </Link>
          </div>
        }
      />
    </Container>
  );
}
