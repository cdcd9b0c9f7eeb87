import { dbConfig } from '../config';
import mongoose from 'mongoose';
import { analyticsModels } from '../analytics';
import { authModels } from '../auth';
import { connectionOptions, databaseName } from '../connection';
import { type DatabaseDomain } from '../domains';
import { notificationModels } from '../notification';
import { orderModels } from '../order';
import { paymentModels } from '../payment';
import { productModels } from '../product';
import { reviewModels } from '../review';
import { userModels } from '../user';
import { demoAccounts, demoShopperEmail } from './demo-accounts';
import {
  defaultCatalogSeed,
  defaultProductCount,
  generateCatalog,
} from './catalog/generate-catalog';
import { demoOrders } from './demo-orders';
import { seedAccounts } from './seed-accounts';
import { seedProfiles } from './seed-profiles';
import { seedAnalyticsEvents } from './seed-activity';
import { demoReviews, withReviewRatings } from './demo-reviews';
import { seedReviews, shopperReviewPlans } from './seed-reviews';
import { seedCatalog } from './seed-catalog';
import { seedCustomerPurchases } from './seed-customer-purchases';
import { seedOrders } from './seed-orders';

export interface SeedOptions {
  /** Default: `MONGODB_URI`. */
  uri?: string;
  /** Default: `MONGODB_DB_PREFIX`, as for `connectDomainDatabase`. */
  dbNamePrefix?: string;
  /** Generated products; default 2,000 (`seed --products 100000` for benchmarks). */
  productCount?: number;
  /** The catalog generator's seed; default `defaultCatalogSeed`. */
  catalogSeed?: number;
}

export interface SeedSummary {
  /** Who can sign in, for printing; every password is the demo password. */
  accounts: { email: string; password: string; role: string }[];
  /** Documents in each seeded collection after seeding. */
  counts: Record<
    | 'categories'
    | 'products'
    | 'inventoryItems'
    | 'accounts'
    | 'profiles'
    | 'orders'
    | 'payments'
    | 'messages'
    | 'reviews'
    | 'analyticsEvents',
    number
  >;
  /** Whether the catalog was (re)written or already matched what this seed would write. */
  catalog: 'unchanged' | 'written';
}

/**
 * Fills every domain database with a deterministic demo data set. Idempotent: the catalog is
 * bulk-written once per generator version, seed and size (see `seedCatalog`), everything else is
 * upserted by its natural key (email, order number...), so running it again leaves the data as it
 * was. Uses its own connection and closes it, leaving callers' alone.
 */
export async function seedDemoData(options: SeedOptions = {}): Promise<SeedSummary> {
  const uri = options.uri ?? dbConfig().MONGODB_URI;
  if (!uri) throw new Error('seedDemoData needs a MongoDB: pass { uri } or set MONGODB_URI');
  const connection = await mongoose.createConnection(uri, connectionOptions).asPromise();
  try {
    const database = (domain: DatabaseDomain) =>
      connection.useDb(databaseName(domain, options.dbNamePrefix), { useCache: true });
    const product = productModels(database('product'));
    const auth = authModels(database('auth'));
    const user = userModels(database('user'));
    const order = orderModels(database('order'));
    const payment = paymentModels(database('payment'));
    const notification = notificationModels(database('notification'));
    const review = reviewModels(database('review'));
    const analytics = analyticsModels(database('analytics'));
    const models = [product, auth, user, order, payment, notification, review, analytics].flatMap(
      (domainModels) => Object.values(domainModels),
    );
    // Indexes first, so a real MongoDB enforces uniqueness while we write.
    await Promise.all(models.map((model) => model.init()));

    const productCount = options.productCount ?? defaultProductCount;
    const catalogSeed = options.catalogSeed ?? defaultCatalogSeed;
    const generated = generateCatalog({ productCount, seed: catalogSeed });
    const orders = demoOrders(generated.products);
    // Products carry the rating their seeded reviews make, as the review cell would publish it.
    const reviews = demoReviews(generated.products, catalogSeed);
    const shopperPlans = shopperReviewPlans(orders, generated.products);
    const catalog = withReviewRatings(generated, [
      ...reviews,
      ...shopperPlans.filter((plan) => plan.status === 'published'),
    ]);
    const { products } = catalog;
    const catalogOutcome = await seedCatalog(product, catalog, { seed: catalogSeed, productCount });
    const accountIds = await seedAccounts(auth, user);
    await seedProfiles(user, accountIds);
    const shopperId = accountIds.get(demoShopperEmail);
    if (!shopperId) throw new Error('the demo shopper account was not created');
    await seedOrders(
      orders,
      { id: shopperId, email: demoShopperEmail },
      order,
      payment,
      notification,
    );
    await seedCustomerPurchases(order, product, notification);
    await seedReviews({ generated: reviews, shopperPlans, shopperId }, review, order);
    await seedAnalyticsEvents(orders, products, analytics);

    return {
      accounts: demoAccounts.map(({ email, password, role }) => ({ email, password, role })),
      counts: {
        categories: await product.Category.countDocuments(),
        products: await product.Product.countDocuments(),
        inventoryItems: await product.InventoryItem.countDocuments(),
        accounts: await auth.Account.countDocuments(),
        profiles: await user.Profile.countDocuments(),
        orders: await order.Order.countDocuments(),
        payments: await payment.Payment.countDocuments(),
        messages: await notification.Message.countDocuments(),
        reviews: await review.Review.countDocuments(),
        analyticsEvents: await analytics.AnalyticsEvent.countDocuments(),
      },
      catalog: catalogOutcome,
    };
  } finally {
    await connection.close();
  }
}
