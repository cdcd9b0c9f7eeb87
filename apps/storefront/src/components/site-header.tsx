import { Container, Logo } from '@shop/ui';
import Link from 'next/link';
import { AccountNav } from './account-nav';
import { MiniCart } from './cart/mini-cart';
import { SearchBox } from './search-box';

const navigation = [
  { href: '/products', label: 'Shop all' },
  { href: '/#categories', label: 'Categories' },
] as const;

/**
 * Logo, search and the main navigation, in that DOM (and keyboard) order; on small screens the
 * search drops to its own row below the navigation.
 */
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-surface/90 backdrop-blur supports-[backdrop-filter]:bg-surface/75">
      <Container className="flex flex-wrap items-center gap-x-6 gap-y-3 py-3 md:flex-nowrap">
        <Link href="/" className="rounded-control" aria-label="Shop home">
          <Logo />
        </Link>
        <div className="order-3 w-full md:order-2 md:mx-auto md:max-w-xl md:flex-1">
          <SearchBox />
        </div>
        <nav aria-label="Main" className="order-2 ml-auto md:order-3 md:ml-0">
          <ul className="flex items-center gap-1 text-sm font-medium">
            {navigation.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="rounded-control px-3 py-2 text-ink-muted transition-colors hover:bg-surface-sunken hover:text-ink"
                >
                  {item.label}
                </Link>
              </li>
            ))}
            <li>
              <AccountNav />
            </li>
            <li>
              <MiniCart />
            </li>
          </ul>
        </nav>
      </Container>
    </header>
  );
}
