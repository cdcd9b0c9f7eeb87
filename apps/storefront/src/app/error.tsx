'use client';

import { Button, Container, EmptyState, buttonClassNames } from '@shop/ui';
import Link from 'next/link';
import { useEffect } from 'react';

/**
 * The friendly page for unexpected failures. It never shows the error itself (production sends
 * only a digest); the digest is logged so support can find the server-side log line.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    const digest =
      error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
    console.error('Page failed to render', digest ?? '');
  }, [error]);

  return (
    <Container className="mt-16">
      <EmptyState
        as="h1"
        title="Something went wrong on our side"
        description="We could not show this page just now. Please try again — if it keeps happening, come back in a few minutes."
        action={
          <div className="flex flex-wrap justify-center gap-3">
            <Button onClick={() => retry()}>Try again</Button>
            <Link href="/" className={buttonClassNames({ variant: 'secondary' })}>
              Go to the home page
            </Link>
          </div>
        }
      />
    </Container>
  );
}
