'use client';

import { Button, EmptyState } from '@shop/ui';
import { useEffect } from 'react';

/** Unexpected failures: a plain message and a retry, never the error's details. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    const digest =
      error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
    console.error('Page failed to render', digest ?? '');
  }, [error]);

  return (
    <EmptyState
      as="h1"
      className="mx-auto max-w-2xl"
      title="Something went wrong on our side"
      description="This page could not be shown just now. Try again; if it keeps failing, check the platform status."
      action={<Button onClick={() => retry()}>Try again</Button>}
    />
  );
}
