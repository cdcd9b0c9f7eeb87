import { connectDomainDatabase } from '@shop/db';
import { orderModels } from '@shop/db/order';
import { productModels } from '@shop/db/product';
import { reviewModels } from '@shop/db/review';
import { Types } from 'mongoose';
import { bearer, queryUrl, request, type RawResponse } from './http';

/**
 * Active products nobody has reviewed in the seed (most have demo reviews; these show no rating
 * yet), one per test that needs its own.
 */
export async function unreviewedProductSlugs(count: number, skip = 0): Promise<string[]> {
  const { Product } = productModels(await connectDomainDatabase('product'));
  const products = await Product.find({ status: 'active', 'rating.count': 0 })
    .sort({ slug: 1 })
    .select({ slug: 1 })
    .lean();
  const { Review } = reviewModels(await connectDomainDatabase('review'));
  const reviewed = new Set(await Review.distinct('productSlug'));
  const unreviewed = products.filter((product) => !reviewed.has(product.slug));
  const chosen = unreviewed.slice(skip, skip + count).map((product) => product.slug);
  if (chosen.length < count) throw new Error(`only ${unreviewed.length} unreviewed products`);
  return chosen;
}

let sequence = 7_000_000 + Math.floor(Math.random() * 900_000);

/**
 * A delivered order of the product for the account, written into the order cell's database as
 * the order cell leaves one after delivery (the review cell then asks the order cell about it).
 */
export async function deliveredOrder(accountId: string, productSlug: string): Promise<string> {
  const { Product } = productModels(await connectDomainDatabase('product'));
  const { Order } = orderModels(await connectDomainDatabase('order'));
  const product = await Product.findOne({ slug: productSlug }).lean();
  const variant = product?.variants[0];
  if (!product || !variant) throw new Error(`no product ${productSlug}`);
  sequence += 1;
  const number = `SO-${sequence}`;
  const line = {
    productId: String(product._id),
    productSlug,
    sku: variant.sku,
    name: product.name,
    variantLabel: '',
    unitPriceMinor: variant.priceMinor,
    quantity: 1,
    lineTotalMinor: variant.priceMinor,
  };
  const at = new Date();
  await Order.create({
    number,
    status: 'DELIVERED',
    accountId: new Types.ObjectId(accountId),
    lines: [line],
    subtotalMinor: line.lineTotalMinor,
    shippingMinor: 0,
    totalMinor: line.lineTotalMinor,
    currency: 'EUR',
    shipping: { methodId: 'standard', name: 'Standard', priceMinor: 0 },
    paymentMethod: 'card',
    customer: { name: 'Rita Reviewer', email: 'rita@example.com' },
    shippingAddress: {
      name: 'Rita Reviewer',
      line1: '1 Test Street',
      city: 'Dublin',
      postcode: 'D01',
      country: 'IE',
    },
    deliveredAt: at,
    history: [{ to: 'DELIVERED', at, actor: { type: 'staff' }, reason: 'Delivered' }],
  });
  return number;
}

/** A made-up shopper address (10.x.y.z), so shoppers of one test do not share one. */
export function someAddress(): string {
  const part = () => Math.floor(Math.random() * 254) + 1;
  return `10.${part()}.${part()}.${part()}`;
}

/**
 * Review cell calls of one caller, as raw HTTP so status codes are asserted as sent. The address
 * is sent as the apps' gateway sends it (`x-forwarded-for`; tests' hosts believe it).
 */
export function reviewCalls(baseUrl: string, token?: string, address = someAddress()) {
  const headers = { ...(token ? bearer(token) : {}), 'x-forwarded-for': address };
  return {
    query: (path: string, input?: unknown): Promise<RawResponse> =>
      request(queryUrl(baseUrl, `review.${path}`, input), { headers }),
    mutate: (path: string, input?: unknown): Promise<RawResponse> =>
      request(`${baseUrl}/trpc/review.${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(input ?? null),
      }),
  };
}
