import { Container } from '@shop/ui';
import type { ReactNode } from 'react';

/** The frame of the newsletter's link pages (confirm, unsubscribe). */
export function LinkPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Container className="max-w-xl py-10 sm:py-14">
      <p className="text-sm font-medium text-accent-700">Newsletter</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-ink sm:text-3xl">{title}</h1>
      <div className="mt-6 flex flex-col gap-4">{children}</div>
    </Container>
  );
}
