import { connectDomainDatabase } from '@shop/db';
import { authModels } from '@shop/db/auth';
import { productModels } from '@shop/db/product';
import { reviewModels } from '@shop/db/review';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../src/audit/audit-entry-view';
import { verifyChain } from '../src/audit/verify-chain';
import type { CellHost } from '../src/host';
import { uploadAndPreview } from './support/csv-import-calls';
import { clientOf, signInDemoAccounts, type CellClient } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

/**
 * The staff changes the audit log did not describe before (categories, a CSV import's apply,
 * review moderation, a rating set by hand, a signing key rotation), over HTTP: each leaves one
 * entry with who, role, the object and its before and after, and the log's filters find it.
 */

let host: CellHost;
let admin: CellClient;
let catalog: CellClient;
let support: CellClient;

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['auth', 'product', 'review']);
  const accounts = await signInDemoAccounts(host.url, ['admin', 'catalog', 'support']);
  admin = clientOf(host.url, accounts.admin.token);
  catalog = clientOf(host.url, accounts.catalog.token);
  support = clientOf(host.url, accounts.support.token);
}, 120_000);
afterAll(() => stopTestHosts(host));

/** The newest entry of `procedure` in the product cell's chain, found through the log's filters. */
async function newestProductEntry(action: string, objectId?: string): Promise<AuditEntryView> {
  const page = await admin.product.auditLog.query({ action, objectId, limit: 5 });
  expect(page.items.length, `an entry of product.${action}`).toBeGreaterThan(0);
  return page.items[0]!;
}

describe('categories', () => {
  it('create, rename, move, reorder and delete each record before and after', async () => {
    await catalog.product.createCategory.mutate({
      slug: 'audit-shelves',
      name: 'Shelves',
      description: 'Wall shelves',
    });
    expect(await newestProductEntry('createCategory', 'audit-shelves')).toMatchObject({
      procedure: 'product.createCategory',
      actor: { email: 'catalog@example.com' },
      roles: ['catalog_manager'],
      object: { type: 'category', ids: ['audit-shelves'] },
      before: null,
      after: { slug: 'audit-shelves', name: 'Shelves', description: 'Wall shelves' },
      input: null,
    });

    await catalog.product.updateCategory.mutate({ slug: 'audit-shelves', name: 'Wall shelves' });
    const renamed = await newestProductEntry('updateCategory', 'audit-shelves');
    // Only what changed, plus slug and name to say which category.
    expect(renamed.before).toEqual({ slug: 'audit-shelves', name: 'Shelves' });
    expect(renamed.after).toEqual({ slug: 'audit-shelves', name: 'Wall shelves' });

    const { Category } = productModels(await connectDomainDatabase('product'));
    const parent = await Category.findOne({ parentSlug: null }).lean();
    await catalog.product.updateCategory.mutate({
      slug: 'audit-shelves',
      parentSlug: parent!.slug,
    });
    const moved = await newestProductEntry('updateCategory', 'audit-shelves');
    expect(moved.before).toMatchObject({ parentSlug: null });
    expect(moved.after).toMatchObject({ parentSlug: parent!.slug });

    const siblings = await Category.find({ parentSlug: parent!.slug }).sort({ position: 1 }).lean();
    const order = siblings.map((category) => category.slug);
    const reversed = [...order].reverse();
    await catalog.product.reorderCategories.mutate({ parentSlug: parent!.slug, slugs: reversed });
    const reordered = await newestProductEntry('reorderCategories');
    expect(reordered.object.ids.sort()).toEqual([...order].sort());
    expect(reordered.before).toEqual({ parentSlug: parent!.slug, order });
    expect(reordered.after).toEqual({ parentSlug: parent!.slug, order: reversed });

    await catalog.product.deleteCategory.mutate({ slug: 'audit-shelves' });
    expect(await newestProductEntry('deleteCategory', 'audit-shelves')).toMatchObject({
      before: { slug: 'audit-shelves', name: 'Wall shelves', parentSlug: parent!.slug },
      after: null,
    });

    // The log's filters: by object type and id, every step of this category, newest first.
    const history = await admin.product.auditLog.query({
      objectType: 'category',
      objectId: 'audit-shelves',
    });
    expect(history.items.map((entry) => entry.procedure)).toEqual([
      'product.deleteCategory',
      'product.reorderCategories',
      'product.updateCategory',
      'product.updateCategory',
      'product.createCategory',
    ]);
    expect((await verifyChain('product')).ok).toBe(true);
  }, 60_000);
});

describe('CSV import', () => {
  it('the dry run records nothing; the apply records the file, its plan and the outcome', async () => {
    const before = (await admin.product.auditLog.query({ limit: 100 })).items.length;
    const view = await uploadAndPreview(
      catalog,
      'handle,name,brand,status,categories,description,option1_name,option1_value,sku,price,compare_at_price,stock\r\n' +
        'audit-csv-mug,Audit mug,Clay,draft,kitchen,A mug.,Colour,Blue,AUDIT-MUG-BLUE,12.00,,5\r\n',
      'products',
      'audit-mugs.csv',
    );
    expect(view.preview!.errors).toEqual([]);
    // Staging and the dry run change nothing in the shop: no entry.
    expect((await admin.product.auditLog.query({ limit: 100 })).items.length).toBe(before);

    await catalog.product.applyCsvImport.mutate({ importId: view.id });
    const entry = await newestProductEntry('applyCsvImport', view.id);
    expect(entry).toMatchObject({
      actor: { email: 'catalog@example.com' },
      object: { type: 'csv-import', ids: [view.id] },
      before: { fileName: 'audit-mugs.csv', kind: 'products', status: 'previewed' },
      after: {
        fileName: 'audit-mugs.csv',
        status: 'applied',
        rows: 1,
        planned: { products: { create: 1, update: 0, unchanged: 0 } },
        changes: [{ handle: 'audit-csv-mug', sku: 'AUDIT-MUG-BLUE', action: 'create' }],
        outcome: { created: 1, updated: 0, unchanged: 0, failed: 0 },
      },
    });

    // Applying it again changes nothing and records nothing.
    await catalog.product.applyCsvImport.mutate({ importId: view.id });
    const again = await admin.product.auditLog.query({
      action: 'applyCsvImport',
      objectId: view.id,
    });
    expect(again.items).toHaveLength(1);
  }, 60_000);
});

describe('review moderation', () => {
  async function pendingReviews(count: number): Promise<string[]> {
    const { Review } = reviewModels(await connectDomainDatabase('review'));
    const created = await Review.insertMany(
      Array.from({ length: count }, (_, index) => ({
        productSlug: `audit-review-product-${index}`,
        accountId: new Types.ObjectId(),
        rating: 2 + index,
        title: `Review ${index}`,
        status: 'pending',
      })),
    );
    return created.map((review) => String(review._id));
  }

  it('approve and reject (bulk) record each review that changed; reply records the text', async () => {
    const [first, second, third] = await pendingReviews(3);
    await support.review.approve.mutate({ reviewIds: [first!, second!] });
    const approved = (await admin.review.auditLog.query({ action: 'approve' })).items[0]!;
    expect(approved).toMatchObject({
      procedure: 'review.approve',
      actor: { email: 'support@example.com' },
      roles: ['support'],
      object: { type: 'review' },
      before: { [first!]: { status: 'pending' }, [second!]: { status: 'pending' } },
      after: { [first!]: { status: 'published' }, [second!]: { status: 'published' } },
    });
    expect(approved.object.ids.sort()).toEqual([first!, second!].sort());

    // Rejecting a published and a pending one; a repeat changes nothing more.
    await support.review.reject.mutate({
      reviewIds: [second!, third!],
      reason: 'off_topic',
      note: 'About the courier, not the product',
    });
    const rejected = (await admin.review.auditLog.query({ action: 'reject' })).items[0]!;
    expect(rejected.before).toMatchObject({
      [second!]: { status: 'published', rejection: null },
      [third!]: { status: 'pending' },
    });
    expect(rejected.after).toMatchObject({
      [third!]: {
        status: 'rejected',
        rejection: { reason: 'off_topic', note: 'About the courier, not the product' },
      },
    });

    await support.review.reply.mutate({ reviewId: first!, text: 'Thank you for the kind words!' });
    await support.review.reply.mutate({ reviewId: first!, text: '' });
    const replies = await admin.review.auditLog.query({ action: 'reply', objectId: first! });
    expect(replies.items.map((entry) => [entry.before, entry.after])).toEqual([
      [
        { productSlug: 'audit-review-product-0', reply: 'Thank you for the kind words!' },
        { productSlug: 'audit-review-product-0', reply: null },
      ],
      [
        { productSlug: 'audit-review-product-0', reply: null },
        { productSlug: 'audit-review-product-0', reply: 'Thank you for the kind words!' },
      ],
    ]);
    // Filter by person: the support agent's moderation, and nothing of the catalog manager's.
    const bySupport = await admin.review.auditLog.query({ person: 'support@example.com' });
    expect(bySupport.items.map((entry) => entry.procedure)).toEqual([
      'review.reply',
      'review.reply',
      'review.reject',
      'review.approve',
    ]);
    const byCatalog = await admin.review.auditLog.query({ person: 'catalog@example.com' });
    expect(byCatalog.items).toEqual([]);
    expect((await verifyChain('review')).ok).toBe(true);
  }, 60_000);
});

describe('what only admins do by hand', () => {
  it("a product's rating set by an admin records the rating before and after", async () => {
    const { Product } = productModels(await connectDomainDatabase('product'));
    const product = await Product.findOne({ status: 'active' }).lean();
    const productId = String(product!._id);
    await admin.product.setRatingSummary.mutate({ productId, average: 4.26, count: 19 });
    const entry = await newestProductEntry('setRatingSummary', productId);
    expect(entry).toMatchObject({
      actor: { email: 'admin@example.com' },
      before: { slug: product!.slug, rating: product!.rating ?? null },
      after: { slug: product!.slug, rating: { average: 4.3, count: 19 } },
    });
  });

  it('a signing key rotation records which keys signed before and the new one', async () => {
    const { SigningKey } = authModels(await connectDomainDatabase('auth'));
    const signing = await SigningKey.find({ retiredAt: null }).lean();
    const { kid } = await admin.auth.rotateSigningKey.mutate();
    const { items } = await admin.auth.auditLog.query({ action: 'rotateSigningKey' });
    expect(items[0]).toMatchObject({
      object: { type: 'signing-key', ids: [kid] },
      before: { signingKeyIds: signing.map((key) => key.kid) },
      after: { signingKeyIds: [kid] },
    });
    // Key ids only: no key material in the log.
    expect(JSON.stringify(items[0])).not.toMatch(/privateJwk|publicJwk|"d":/);
  });
});
