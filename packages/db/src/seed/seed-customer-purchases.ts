import type { NotificationModels } from '../notification';
import type { OrderModels, OrderStatus } from '../order';
import type { ProductModels } from '../product';

/** Orders that were paid (or accepted cash on delivery): what a customer bought. */
const boughtStatuses: OrderStatus[] = ['CONFIRMED', 'PROCESSING', 'SHIPPED', 'DELIVERED'];

/**
 * The notification cell's purchase projection (campaign segments) for the demo orders, as its
 * `record-customer-purchase` function would have built it from their `order.confirmed` events:
 * last order, spend per currency, categories bought (with parents). Rewritten per customer, so
 * seeding twice leaves the same rows.
 */
export async function seedCustomerPurchases(
  order: Pick<OrderModels, 'Order'>,
  product: Pick<ProductModels, 'Product' | 'Category'>,
  notification: Pick<NotificationModels, 'CustomerPurchase'>,
): Promise<void> {
  const orders = await order.Order.find(
    { status: { $in: boughtStatuses }, 'customer.email': { $type: 'string' } },
    { number: 1, accountId: 1, customer: 1, lines: 1, totalMinor: 1, currency: 1, createdAt: 1 },
  ).lean();
  const productIds = [
    ...new Set(orders.flatMap((each) => each.lines.map((line) => line.productId))),
  ];
  const [products, categories] = await Promise.all([
    product.Product.find({ _id: { $in: productIds } }, { categorySlugs: 1 }).lean(),
    product.Category.find({}, { slug: 1, ancestorSlugs: 1 }).lean(),
  ]);
  const ancestors = new Map(categories.map((category) => [category.slug, category.ancestorSlugs]));
  const categoriesOf = new Map(
    products.map((each) => [
      each._id.toString(),
      each.categorySlugs.flatMap((slug) => [slug, ...(ancestors.get(slug) ?? [])]),
    ]),
  );

  interface Row {
    accountId: string | null;
    lastOrderAt: Date;
    orderCount: number;
    lifetimeValue: Record<string, number>;
    categorySlugs: Set<string>;
    orderNumbers: string[];
  }
  const rows = new Map<string, Row>();
  for (const each of orders) {
    const email = each.customer!.email!;
    const row = rows.get(email) ?? {
      accountId: each.accountId?.toString() ?? null,
      lastOrderAt: each.createdAt,
      orderCount: 0,
      lifetimeValue: {},
      categorySlugs: new Set<string>(),
      orderNumbers: [],
    };
    row.lastOrderAt = each.createdAt > row.lastOrderAt ? each.createdAt : row.lastOrderAt;
    row.orderCount += 1;
    row.lifetimeValue[each.currency] = (row.lifetimeValue[each.currency] ?? 0) + each.totalMinor;
    for (const line of each.lines) {
      for (const slug of categoriesOf.get(line.productId) ?? []) row.categorySlugs.add(slug);
    }
    row.orderNumbers.push(each.number);
    rows.set(email, row);
  }
  if (rows.size === 0) return;
  await notification.CustomerPurchase.bulkWrite(
    [...rows].map(([email, row]) => ({
      updateOne: {
        filter: { email },
        update: {
          $set: {
            accountId: row.accountId,
            lastOrderAt: row.lastOrderAt,
            orderCount: row.orderCount,
            lifetimeValue: row.lifetimeValue,
            categorySlugs: [...row.categorySlugs].sort(),
            orderNumbers: row.orderNumbers.sort(),
          },
        },
        upsert: true,
      },
    })),
  );
}
