import { connectDomainDatabase } from '@shop/db';
import { productModels } from '@shop/db/product';
import { reviewModels } from '@shop/db/review';
import { seedDemoData } from '@shop/db/seed';
import { isolateTestDatabases, waitFor } from '@shop/db/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { deliveredOrder, reviewCalls, unreviewedProductSlugs } from './support/review-fixtures';
import type { tokenFor as TokenFor } from './support/user-test-calls';
import { dataOf, errorOf } from './support/user-test-calls';

/**
 * The review cell over HTTP with the cells it asks (product: is the product visible; order: was
 * it delivered to the author) and the executor running its tally: a review's whole life, what
 * publishes at once and what waits, and the product's rating after every change.
 */

// Each test waits for background tallies; the 100-review one writes 100 orders and reviews.
vi.setConfig({ testTimeout: 180_000 });

let platform: HostWithExecutor;
let tokenFor: typeof TokenFor;
let url: string;
let slugs: string[];

interface Summary {
  average: number;
  count: number;
  perStar: number[];
  verifiedCount: number;
}
interface OwnReview {
  id: string;
  status: string;
  verified: boolean;
  rating: number;
}

beforeAll(async () => {
  isolateTestDatabases();
  // A small catalogue (the file needs 12 products nobody reviewed): every product, order and
  // review lookup, 100 at once in the last test, scans its collection on the in-memory stand-in,
  // where 2,000 products brought about 3,000 seeded reviews.
  await seedDemoData({ productCount: 100 });
  platform = await startHostWithExecutor(['auth', 'product', 'order', 'review'], {
    env: { SERVICE_TOKEN_SECRET: 'test-service-secret-0123456789-reviews' },
    host: {
      logger: (await import('pino')).default({
        level: process.env.TEST_HOST_LOG_LEVEL ?? 'silent',
      }),
    },
  });
  url = platform.host.url;
  ({ tokenFor } = await import('./support/user-test-calls'));
  slugs = await unreviewedProductSlugs(12);
}, 120_000);
afterAll(() => platform?.stop());

async function shopper() {
  const { token, accountId } = await tokenFor(['customer']);
  return { accountId, calls: reviewCalls(url, token) };
}

async function moderator() {
  const { token } = await tokenFor(['support']);
  return reviewCalls(url, token);
}

const summaryOf = async (productSlug: string) =>
  dataOf<Summary>(await reviewCalls(url).query('summary', { productSlug }));

/** Waits until the product's summary (review cell) and its product card (product cell) agree. */
async function settledSummary(productSlug: string, expectedCount: number, expectedAverage: number) {
  return waitFor(
    async () => {
      const summary = await summaryOf(productSlug);
      if (summary.count !== expectedCount || summary.average !== expectedAverage) return undefined;
      const { Product } = productModels(await connectDomainDatabase('product'));
      const product = await Product.findOne({ slug: productSlug }).lean();
      const card = product?.rating;
      return card?.count === expectedCount && card.average === expectedAverage && summary;
    },
    {
      what: `${productSlug}: ${expectedCount} reviews averaging ${expectedAverage}`,
      timeoutMs: 90_000,
    },
  );
}

const review = (productSlug: string, rating: number, title = 'Does the job well', body = '') => ({
  productSlug,
  rating,
  title,
  body: body || `${title}. Solid build, arrived on time, and it works as described.`,
});

/** The editable part of a review (an edit names the review, not the product). */
const reviewText = (rating: number, title: string, body = '') => {
  const { productSlug: _slug, ...text } = review('unused', rating, title, body);
  return text;
};

describe('a review from a shopper who received the product', () => {
  it('publishes at once as verified, moves the rating, and a second review is refused', async () => {
    const slug = slugs[0]!;
    const author = await shopper();
    const orderNumber = await deliveredOrder(author.accountId, slug);

    const created = dataOf<OwnReview>(await author.calls.mutate('submit', review(slug, 4)));
    expect(created).toMatchObject({ status: 'published', verified: true, rating: 4 });

    const summary = await settledSummary(slug, 1, 4);
    expect(summary).toMatchObject({ perStar: [0, 0, 0, 1, 0], verifiedCount: 1 });

    const page = dataOf<{ items: { id: string; verified: boolean }[]; total: number }>(
      await reviewCalls(url).query('forProduct', { productSlug: slug }),
    );
    expect(page.items).toEqual([expect.objectContaining({ id: created.id, verified: true })]);

    // The moderator sees the order that verified it; the rules' decision is on record.
    const queue = dataOf<{
      items: { id: string; verifiedBy: { number: string }; moderation: unknown[] }[];
    }>(
      await (
        await moderator()
      ).query('moderationQueue', { status: 'published', productSlug: slug }),
    );
    expect(queue.items[0]).toMatchObject({
      id: created.id,
      verifiedBy: { number: orderNumber },
      moderation: [{ action: 'published', by: 'system', reasons: [], version: 1 }],
    });

    const again = await author.calls.mutate('submit', review(slug, 5, 'Changed my mind'));
    expect(again.status).toBe(409);
    expect(errorOf(again).message).toMatch(/already reviewed/);
    expect((await summaryOf(slug)).count).toBe(1);
  });

  it('refuses two concurrent first reviews of one product by one shopper but one', async () => {
    const slug = slugs[1]!;
    const author = await shopper();
    await deliveredOrder(author.accountId, slug);
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((rating) => author.calls.mutate('submit', review(slug, rating))),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const { Review } = reviewModels(await connectDomainDatabase('review'));
    expect(await Review.countDocuments({ productSlug: slug })).toBe(1);
  });
});

describe('moderation', () => {
  it('holds an unverified review and one with profanity; a moderator approves or rejects, on record', async () => {
    const slug = slugs[2]!;
    const unverified = await shopper();
    const rude = await shopper();
    await deliveredOrder(rude.accountId, slug);

    const held = dataOf<OwnReview>(await unverified.calls.mutate('submit', review(slug, 2)));
    expect(held).toMatchObject({ status: 'pending', verified: false });
    const profane = dataOf<OwnReview>(
      await rude.calls.mutate(
        'submit',
        review(slug, 1, 'Total shit', 'This is sh1t, a piece of crap.'),
      ),
    );
    expect(profane).toMatchObject({ status: 'pending', verified: true });

    const staff = await moderator();
    const queue = dataOf<{ items: { id: string; moderation: { reasons: string[] }[] }[] }>(
      await staff.query('moderationQueue', { status: 'pending', productSlug: slug }),
    );
    const reasonsOf = (id: string) =>
      queue.items.find((item) => item.id === id)?.moderation[0]?.reasons;
    expect(reasonsOf(held.id)).toEqual(['unverified']);
    expect(reasonsOf(profane.id)).toContain('profanity');
    // Pending reviews are not shown and not counted.
    expect((await summaryOf(slug)).count).toBe(0);
    const shown = dataOf<{ total: number }>(
      await reviewCalls(url).query('forProduct', { productSlug: slug }),
    );
    expect(shown.total).toBe(0);

    expect(dataOf(await staff.mutate('approve', { reviewIds: [held.id] }))).toEqual({ changed: 1 });
    expect(
      dataOf(
        await staff.mutate('reject', {
          reviewIds: [profane.id],
          reason: 'profanity',
          note: 'Swearing',
        }),
      ),
    ).toEqual({ changed: 1 });
    await settledSummary(slug, 1, 2);

    const rejected = dataOf<{
      items: {
        id: string;
        rejectionReason: string;
        moderation: { action: string; by: string; staffAccountId: string | null }[];
      }[];
    }>(await staff.query('moderationQueue', { status: 'rejected', productSlug: slug }));
    expect(rejected.items[0]).toMatchObject({ id: profane.id, rejectionReason: 'profanity' });
    expect(rejected.items[0]!.moderation.at(-1)).toMatchObject({ action: 'rejected', by: 'staff' });
    expect(rejected.items[0]!.moderation.at(-1)!.staffAccountId).toMatch(/^[0-9a-f]{24}$/);

    const distribution = dataOf<{ rejected: number[] }>(await staff.query('rejectionDistribution'));
    expect(distribution.rejected[0]).toBeGreaterThanOrEqual(1);
  });

  it('holds links and bursts from one account', async () => {
    const author = await shopper();
    for (const slug of slugs.slice(3, 6)) await deliveredOrder(author.accountId, slug);
    const linked = dataOf<OwnReview>(
      await author.calls.mutate(
        'submit',
        review(
          slugs[3]!,
          5,
          'Great',
          'Great deal, more at www.cheap-copies.example and cheap-pills.com',
        ),
      ),
    );
    expect(linked.status).toBe('pending');
    const second = dataOf<OwnReview>(
      await author.calls.mutate('submit', review(slugs[4]!, 5, 'Nice lamp')),
    );
    expect(second.status).toBe('published');
    // A third and fourth within the hour: the fourth is a burst.
    await deliveredOrder(author.accountId, slugs[6]!);
    dataOf(await author.calls.mutate('submit', review(slugs[5]!, 4, 'Works well enough')));
    const burst = dataOf<OwnReview>(
      await author.calls.mutate('submit', review(slugs[6]!, 4, 'Also good')),
    );
    expect(burst.status).toBe('pending');
  });
});

describe('edit, delete and erase keep the rating right', () => {
  it('follows an edit (back through moderation), a rejection, a deletion and an account erasure', async () => {
    const slug = slugs[7]!;
    const first = await shopper();
    const second = await shopper();
    await deliveredOrder(first.accountId, slug);
    await deliveredOrder(second.accountId, slug);
    const a = dataOf<OwnReview>(await first.calls.mutate('submit', review(slug, 5)));
    const b = dataOf<OwnReview>(await second.calls.mutate('submit', review(slug, 3)));
    await settledSummary(slug, 2, 4);

    const edited = dataOf<OwnReview & { editedAt: string | null }>(
      await first.calls.mutate('edit', {
        reviewId: a.id,
        ...reviewText(1, 'Broke after a week'),
      }),
    );
    expect(edited).toMatchObject({ status: 'published', rating: 1 });
    await settledSummary(slug, 2, 2);

    // An edit with profanity goes back to the queue and leaves the rating.
    const held = dataOf<OwnReview>(
      await first.calls.mutate('edit', {
        reviewId: a.id,
        ...reviewText(1, 'Utter crap', 'crap crap shit'),
      }),
    );
    expect(held.status).toBe('pending');
    await settledSummary(slug, 1, 3);

    // Someone else cannot edit or delete it: it answers like a missing review.
    expect((await second.calls.mutate('remove', { reviewId: a.id })).status).toBe(404);

    const staff = await moderator();
    dataOf(await staff.mutate('reject', { reviewIds: [b.id], reason: 'off_topic' }));
    await settledSummary(slug, 0, 0);
    dataOf(await staff.mutate('approve', { reviewIds: [a.id, b.id] }));
    await settledSummary(slug, 2, 2);

    expect(dataOf(await second.calls.mutate('remove', { reviewId: b.id }))).toEqual({
      removed: true,
    });
    await settledSummary(slug, 1, 1);
    const { Review } = reviewModels(await connectDomainDatabase('review'));
    await waitFor(async () => (await Review.countDocuments({ _id: b.id })) === 0, {
      what: 'the deleted review to be removed once uncounted',
    });
    // Deleting it lets the shopper write a new one.
    expect((await second.calls.mutate('submit', review(slug, 5))).status).toBe(200);
    await settledSummary(slug, 2, 3);

    // Erasing the first author's account keeps their rating and text, detached from them.
    const { inngestFor } = await import('../src/events/inngest-client');
    await inngestFor('auth').send({
      name: 'auth/account.deleted',
      data: { accountId: first.accountId, email: 'gone@example.com' },
    });
    await waitFor(async () => (await Review.countDocuments({ accountId: first.accountId })) === 0, {
      what: 'the review to be detached from the erased account',
    });
    expect(await Review.countDocuments({ _id: a.id, rating: 1 })).toBe(1);
    await settledSummary(slug, 2, 3);
  });
});

describe('helpful votes', () => {
  it('count one vote per shopper, however many arrive at once, and can be changed or taken back', async () => {
    const slug = slugs[8]!;
    const author = await shopper();
    await deliveredOrder(author.accountId, slug);
    const written = dataOf<OwnReview>(await author.calls.mutate('submit', review(slug, 4)));
    const reader = await shopper();
    const other = await shopper();

    const votes = await Promise.all(
      Array.from({ length: 12 }, () =>
        reader.calls.mutate('vote', { reviewId: written.id, value: 'helpful' }),
      ),
    );
    expect(votes.map((vote) => vote.status)).toEqual(votes.map(() => 200));
    dataOf(await other.calls.mutate('vote', { reviewId: written.id, value: 'helpful' }));
    const counts = async () =>
      dataOf<{ items: { helpfulCount: number; unhelpfulCount: number }[] }>(
        await reviewCalls(url).query('forProduct', { productSlug: slug }),
      ).items[0];
    expect(await counts()).toMatchObject({ helpfulCount: 2, unhelpfulCount: 0 });

    await Promise.all([
      reader.calls.mutate('vote', { reviewId: written.id, value: 'unhelpful' }),
      reader.calls.mutate('vote', { reviewId: written.id, value: 'unhelpful' }),
    ]);
    expect(await counts()).toMatchObject({ helpfulCount: 1, unhelpfulCount: 1 });
    dataOf(await reader.calls.mutate('vote', { reviewId: written.id, value: 'none' }));
    expect(await counts()).toMatchObject({ helpfulCount: 1, unhelpfulCount: 0 });

    expect(
      (await author.calls.mutate('vote', { reviewId: written.id, value: 'helpful' })).status,
    ).toBe(403);

    // Reports: one per shopper, seen by moderators with the reason.
    dataOf(
      await reader.calls.mutate('report', { reviewId: written.id, reason: 'fake', note: 'Copied' }),
    );
    dataOf(await reader.calls.mutate('report', { reviewId: written.id, reason: 'fake' }));
    const staff = await moderator();
    const reports = dataOf<{ reason: string }[]>(
      await staff.query('reports', { reviewId: written.id }),
    );
    expect(reports).toEqual([expect.objectContaining({ reason: 'fake', note: 'Copied' })]);
    const reported = dataOf<{ items: { id: string; reportCount: number }[] }>(
      await staff.query('moderationQueue', {
        status: 'published',
        reportedOnly: true,
        productSlug: slug,
      }),
    );
    expect(reported.items).toEqual([expect.objectContaining({ id: written.id, reportCount: 1 })]);
  });
});

describe('permissions and bad input', () => {
  it('needs a sign-in to write, reviews:moderate to moderate, and answers bad input with a 4xx', async () => {
    const slug = slugs[9]!;
    const anonymous = reviewCalls(url);
    expect((await anonymous.mutate('submit', review(slug, 5))).status).toBe(401);

    const { token: ordersToken } = await tokenFor(['order_manager']);
    const ordersStaff = reviewCalls(url, ordersToken);
    expect((await ordersStaff.query('moderationQueue', {})).status).toBe(403);
    const author = await shopper();
    expect((await author.calls.query('moderationQueue', {})).status).toBe(403);
    expect(
      (await author.calls.mutate('approve', { reviewIds: ['0123456789abcdef01234567'] })).status,
    ).toBe(403);
    const { token: catalogToken } = await tokenFor(['catalog_manager']);
    expect((await reviewCalls(url, catalogToken).query('moderationQueue', {})).status).toBe(200);

    const bad = [
      { ...review(slug, 6) },
      { ...review(slug, 0) },
      { ...review(slug, 4.5) },
      { ...review(slug, 5), title: '   ' },
      { ...review(slug, 5), title: 'evil \u202Etxt.exe' },
      { ...review(slug, 5), body: 'x'.repeat(5_001) },
      { ...review(slug, 5), productSlug: '../etc/passwd' },
      { ...review(slug, 5), extra: true },
    ];
    for (const input of bad) {
      const answer = await author.calls.mutate('submit', input);
      expect(answer.status, JSON.stringify(input).slice(0, 80)).toBe(400);
    }
    expect(
      (await author.calls.mutate('submit', review('no-such-product-anywhere', 5))).status,
    ).toBe(404);
    expect((await author.calls.mutate('vote', { reviewId: 'nope', value: 'helpful' })).status).toBe(
      400,
    );
    expect(
      (
        await author.calls.mutate('vote', {
          reviewId: '0123456789abcdef01234567',
          value: 'helpful',
        })
      ).status,
    ).toBe(404);
  });
});

describe('aggregates under load', () => {
  it('the repair command corrects a damaged aggregate, once', async () => {
    const slug = slugs[11]!;
    const author = await shopper();
    await deliveredOrder(author.accountId, slug);
    dataOf(await author.calls.mutate('submit', review(slug, 5)));
    await settledSummary(slug, 1, 5);
    const { RatingAggregate } = reviewModels(await connectDomainDatabase('review'));
    await RatingAggregate.updateOne({ productSlug: slug }, { $set: { count: 7, sum: 9 } });
    expect((await summaryOf(slug)).count).toBe(7);

    const staff = await moderator();
    const first = dataOf<{ productsRepaired: number }>(
      await staff.mutate('recomputeAggregates', { productSlug: slug }),
    );
    expect(first.productsRepaired).toBe(1);
    await settledSummary(slug, 1, 5);
    const second = dataOf<{ productsRepaired: number }>(
      await staff.mutate('recomputeAggregates', { productSlug: slug }),
    );
    expect(second.productsRepaired).toBe(0);
  });

  it('count 100 concurrent reviews of one product exactly, and the repair command finds nothing to fix', async () => {
    const slug = slugs[10]!;
    const authors = await Promise.all(Array.from({ length: 100 }, () => shopper()));
    await Promise.all(authors.map((author) => deliveredOrder(author.accountId, slug)));
    const ratings = authors.map((_, index) => (index % 5) + 1);
    // An overloaded shop may answer 503 "try again" (a cross-cell call timed out); a shopper
    // then sends it again. Anything else than 200, 503 is a failure.
    const submitted = await Promise.all(
      authors.map(async (author, index) => {
        for (let attempt = 0; ; attempt += 1) {
          const answer = await author.calls.mutate(
            'submit',
            review(slug, ratings[index]!, `Review number ${index}`),
          );
          if (answer.status !== 503 || attempt === 5) return answer;
        }
      }),
    );
    expect(
      submitted.filter((answer) => answer.status !== 200).map((answer) => answer.text),
    ).toEqual([]);
    // Under load the order cell may not answer in time: those reviews wait unverified, which
    // the aggregate must reflect exactly too. Alone on a machine all 100 are verified and
    // published; on a machine shared with other suites fewer were (41 once).
    const { Review } = reviewModels(await connectDomainDatabase('review'));
    const published = await Review.find({ productSlug: slug, status: 'published' }).lean();
    expect(published.length).toBeGreaterThan(0);
    const perStar = [1, 2, 3, 4, 5].map(
      (stars) => published.filter((entry) => entry.rating === stars).length,
    );
    const sum = published.reduce((total, entry) => total + entry.rating, 0);
    const summary = await settledSummary(
      slug,
      published.length,
      Math.round((sum / published.length) * 10) / 10,
    );
    expect(summary).toMatchObject({
      perStar,
      verifiedCount: published.filter((entry) => entry.verified).length,
    });

    const staff = await moderator();
    const repair = dataOf<{ productsRepaired: number; reviewsChecked: number }>(
      await staff.mutate('recomputeAggregates', { productSlug: slug }),
    );
    expect(repair).toMatchObject({ productsChecked: 1, productsRepaired: 0 });
    expect(repair.reviewsChecked).toBeGreaterThanOrEqual(100);
  });
});
