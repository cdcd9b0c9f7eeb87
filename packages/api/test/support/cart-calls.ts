import { randomBytes } from 'node:crypto';
import { connectDomainDatabase } from '@shop/db';
import { productModels } from '@shop/db/product';
import { createCellClient } from '../../src/client';

/** A fresh guest cart token, as the storefront issues it (32 random bytes, base64url). */
export function newCartToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A typed client calling `hostUrl` as a shopper: a guest cart token, a signed-in token, or both. */
export function shopperClient(
  hostUrl: string,
  shopper: { cartToken?: string; accessToken?: string },
) {
  return createCellClient({
    urlFor: () => `${hostUrl}/trpc`,
    headers: () => ({
      ...(shopper.cartToken && { 'x-cart-token': shopper.cartToken }),
      ...(shopper.accessToken && { authorization: `Bearer ${shopper.accessToken}` }),
    }),
  });
}

export interface TestSku {
  sku: string;
  productId: string;
  name: string;
  variantLabel: string;
  priceMinor: number;
}

/**
 * Active products' SKUs for a test file, each from a different product, with their stock set to
 * `stock`, so files never depend on what another file left behind.
 */
export async function testSkus(count: number, stock = 50, skip = 0): Promise<TestSku[]> {
  const { Product, InventoryItem } = productModels(await connectDomainDatabase('product'));
  const products = await Product.find({ status: 'active' })
    .sort({ slug: 1 })
    .skip(skip)
    .limit(count)
    .lean();
  const skus: TestSku[] = [];
  for (const product of products) {
    const variant = product.variants[0];
    if (!variant) continue;
    await InventoryItem.updateOne(
      { sku: variant.sku },
      { $set: { onHand: stock, reserved: 0, available: stock } },
    );
    skus.push({
      sku: variant.sku,
      productId: product._id.toString(),
      name: product.name,
      variantLabel: variant.optionValues.join(' / '),
      priceMinor: variant.priceMinor,
    });
  }
  return skus;
}

export async function setAvailable(sku: string, units: number): Promise<void> {
  const { InventoryItem } = productModels(await connectDomainDatabase('product'));
  await InventoryItem.updateOne(
    { sku },
    { $set: { onHand: units, reserved: 0, available: units } },
  );
}

/** Changes one variant's price the way a staff edit would leave it in products_db. */
export async function setPrice(sku: string, priceMinor: number): Promise<void> {
  const { Product } = productModels(await connectDomainDatabase('product'));
  const product = await Product.findOne({ 'variants.sku': sku });
  if (!product) throw new Error(`no product has ${sku}`);
  for (const variant of product.variants) if (variant.sku === sku) variant.priceMinor = priceMinor;
  await product.save();
}

/** The error a tRPC call failed with: its code, HTTP status, message and input issues. */
export async function failureOf(call: Promise<unknown>): Promise<{
  code?: string;
  httpStatus?: number;
  message: string;
  issues?: { path: string; message: string }[];
}> {
  try {
    await call;
  } catch (error) {
    const shaped = error as {
      message: string;
      data?: { code?: string; httpStatus?: number; issues?: { path: string; message: string }[] };
    };
    return {
      code: shaped.data?.code,
      httpStatus: shaped.data?.httpStatus,
      message: shaped.message,
      issues: shaped.data?.issues,
    };
  }
  throw new Error('expected the call to fail');
}

/** Takes a product off sale (or back), as archiving it in the back office would. */
export async function setProductStatus(sku: string, status: 'active' | 'archived'): Promise<void> {
  const { Product } = productModels(await connectDomainDatabase('product'));
  await Product.updateOne({ 'variants.sku': sku }, { $set: { status } });
}
