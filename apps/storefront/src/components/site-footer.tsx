import { Container, Logo } from '@shop/ui';
import Link from 'next/link';
import { NewsletterSignup } from './newsletter/newsletter-signup';

export function SiteFooter() {
  return (
    <footer className="mt-20 border-t border-line bg-surface">
      <Container className="flex flex-col gap-8 py-10 sm:flex-row sm:items-start sm:justify-between">
        <div className="max-w-sm">
          <Logo />
          <p className="mt-3 text-sm text-ink-muted">
            Everyday things, thoughtfully made. Free returns within 30 days.
          </p>
        </div>
        <NewsletterSignup />
        <nav aria-label="Footer" className="grid grid-cols-2 gap-x-12 gap-y-2 text-sm">
          <Link href="/products" className="text-ink-muted hover:text-ink">
            Shop all
          </Link>
          <Link href="/#categories" className="text-ink-muted hover:text-ink">
            Categories
          </Link>
          <Link href="/search" className="text-ink-muted hover:text-ink">
            Search
          </Link>
        </nav>
      </Container>
      <Container className="border-t border-line py-5 text-xs text-ink-subtle">
        © {new Date().getFullYear()} Shop. An open-source demo store; no real orders are taken.
      </Container>
    </footer>
  );
}
