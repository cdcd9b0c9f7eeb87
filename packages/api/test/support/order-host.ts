import { testSkus, type TestSku } from './cart-calls';
import { startHostWithExecutor, type HostWithExecutor } from './host-with-executor';
import { signInDemoAccounts, type DemoAccount, type SignedIn } from './login';
import { seedFileDatabases } from './seed-file-databases';

/**
 * How the file's carts learn prices and stock:
 * - `fresh`: the product cell is asked on every cart operation, past its own cache and the order
 *   cell's projection (for files that change prices and stock in products_db directly, so no
 *   product event tells the order cell);
 * - `{ projectionMaxAgeMs }`: the order cell's projection is trusted that long, as in production.
 */
export type CartPrices = 'fresh' | { projectionMaxAgeMs: number };

export interface OrderHost<Name extends DemoAccount> {
  url: string;
  platform: HostWithExecutor;
  /** Active SKUs of different products, their stock set for this file. */
  skus: TestSku[];
  /** The demo accounts asked for, signed in, each with a client of this host. */
  staff: Record<Name, SignedIn>;
  stop(): Promise<void>;
}

/**
 * The set-up the order tests share: the file's own databases seeded with the demo shop, one host
 * with the auth, product, order and payment cells whose Inngest functions run on a local executor,
 * SKUs with known stock, and the staff accounts the file needs. Call it in `beforeAll`.
 */
export async function startOrderHost<Name extends DemoAccount = never>(options: {
  /** Tells this file's service-token secret apart from other files'. */
  name: string;
  cartPrices: CartPrices;
  /** `count` SKUs with `stock` units each, skipping the first `skip` active products by slug. */
  skus: { count: number; stock: number; skip: number };
  signIn?: readonly Name[];
}): Promise<OrderHost<Name>> {
  await seedFileDatabases();
  const cartPrices: Record<string, string> =
    options.cartPrices === 'fresh'
      ? { PRODUCT_SKU_DETAILS_CACHE_MS: '0', ORDER_CART_PRICES_MAX_AGE_MS: '0' }
      : { ORDER_CART_PRICES_MAX_AGE_MS: String(options.cartPrices.projectionMaxAgeMs) };
  const platform = await startHostWithExecutor(['auth', 'product', 'order', 'payment'], {
    env: { ...cartPrices, SERVICE_TOKEN_SECRET: `test-service-secret-0123456789-${options.name}` },
  });
  const url = platform.host.url;
  const { count, stock, skip } = options.skus;
  const [skus, staff] = await Promise.all([
    testSkus(count, stock, skip),
    signInDemoAccounts(url, options.signIn ?? []),
  ]);
  return { url, platform, skus, staff, stop: () => platform.stop() };
}
