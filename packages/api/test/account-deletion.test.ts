import { connectDomainDatabase } from '@shop/db';
import { analyticsModels } from '@shop/db/analytics';
import { authModels } from '@shop/db/auth';
import { orderModels } from '@shop/db/order';
import { paymentModels } from '@shop/db/payment';
import { reviewModels } from '@shop/db/review';
import { waitFor } from '@shop/db/testing';
import { userModels } from '@shop/db/user';
import type { LocalInngest } from '@shop/inngest-local';
import { Types } from 'mongoose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CellHost } from '../src/host';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import type { tokenFor as TokenFor } from './support/user-test-calls';
import { callsAs, dataOf } from './support/user-test-calls';
import { seedFileDatabases } from './support/seed-file-databases';

/** The cells that hold personal data and erase it on `auth/account.deleted` (notification aside). */
const erasingCells = ['user', 'order', 'payment', 'review', 'analytics'] as const;

let platform: HostWithExecutor;
let executor: LocalInngest;
let host: CellHost;
let tokenFor: typeof TokenFor;

beforeAll(async () => {
  await seedFileDatabases(); // the executor's state and the cells' data both get this file's prefix
  platform = await startHostWithExecutor(['auth', ...erasingCells]);
  ({ host, executor } = platform);
  ({ tokenFor } = await import('./support/user-test-calls'));
});
afterAll(() => platform?.stop());

interface RunView {
  function_id: string;
  status: string;
  output: unknown;
}

/**
 * Sends an auth event as the auth cell does (validated by its schema) and waits until
 * `expectedRuns` runs it triggered have ended.
 */
async function sendAuthEvent(
  name: 'auth/account.deleted' | 'auth/user.registered',
  data: Record<string, unknown>,
  expectedRuns: number,
): Promise<RunView[]> {
  const { inngestFor } = await import('../src/events/inngest-client');
  const { accountDeleted, userRegistered } = await import('../src/events/schemas');
  const schema = name === accountDeleted.name ? accountDeleted.schema : userRegistered.schema;
  // Sent through the client (not sendEvent) to learn the event id.
  const { ids } = await inngestFor('auth').send({ name, data: schema.parse(data) });
  let runs: RunView[] = [];
  return waitFor(
    async () => {
      const response = await fetch(`${executor.url}/v1/events/${ids[0]}/runs`);
      runs = ((await response.json()) as { data: RunView[] }).data;
      const ended = runs.filter((run) => run.status !== 'Running' && run.status !== 'Queued');
      return ended.length >= expectedRuns && runs;
    },
    { what: `${expectedRuns} run(s) of ${name} to end`, intervalMs: 100 },
  ).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}; runs: ${JSON.stringify(runs)}`);
  });
}

const deleteAccountEvent = (accountId: string, email: string) =>
  sendAuthEvent('auth/account.deleted', { accountId, email }, erasingCells.length);

it('deleting an account erases the profile and addresses, and orders keep only what accounting needs', async () => {
  const { Account } = authModels(await connectDomainDatabase('auth'));
  const { Order, Cart } = orderModels(await connectDomainDatabase('order'));
  const { Payment } = paymentModels(await connectDomainDatabase('payment'));
  const { Review } = reviewModels(await connectDomainDatabase('review'));
  const { AnalyticsEvent } = analyticsModels(await connectDomainDatabase('analytics'));
  const { Profile, Address } = userModels(await connectDomainDatabase('user'));

  const shopperAccount = await Account.findOne({ email: 'shopper@example.com' }).orFail().lean();
  const accountId = shopperAccount._id;
  const email = shopperAccount.email;
  const shopper = callsAs(
    host.url,
    (await tokenFor(['customer'], { accountId: accountId.toHexString(), email })).token,
  );
  const bystander = await tokenFor(['customer']);
  const other = callsAs(host.url, bystander.token);

  // The shopper's personal data in every cell, as checkout and sign-up would leave it.
  const address = {
    name: 'Sam Shopper',
    line1: 'Keizersgracht 123',
    city: 'Amsterdam',
    postcode: '1015 CJ',
    country: 'NL',
    phone: '+31612345678',
  };
  dataOf(await shopper.mutate('updateProfile', { phone: '+31612345678' }));
  dataOf(await shopper.mutate('addAddress', address));
  dataOf(await other.mutate('addAddress', { ...address, name: 'Bea Bystander' }));
  const order = await Order.findOne({ accountId }).sort({ number: 1 }).orFail().lean();
  await Cart.create({
    accountId,
    lines: [
      { sku: order.lines[0]?.sku, quantity: 1, seenUnitPriceMinor: 100, addedAt: new Date() },
    ],
  });
  const snapshot = { ...address, line2: '', region: 'Noord-Holland' };
  await Order.updateOne(
    { _id: order._id },
    {
      $set: {
        customer: { name: 'Sam Shopper', email, phone: '+31612345678' },
        shippingAddress: snapshot,
        billingAddress: snapshot,
      },
    },
  );
  const guestOrder = await Order.create({
    number: `SO-G${Date.now()}`,
    status: 'PENDING',
    lines: order.lines,
    subtotalMinor: order.subtotalMinor,
    totalMinor: order.totalMinor,
    currency: order.currency,
    customer: { name: 'Sam as guest', email },
    shippingAddress: snapshot,
  });
  await Payment.updateOne(
    { orderNumber: order.number },
    { $set: { accountId, billingDetails: { name: 'Sam Shopper', email } } },
  );
  const reviewsBefore = await Review.find({ accountId }).sort({ productSlug: 1 }).lean();
  expect(reviewsBefore.length).toBeGreaterThan(0);
  await AnalyticsEvent.create({
    name: 'auth/user.registered',
    occurredAt: new Date(),
    source: 'auth',
    properties: { eventId: `test-${Date.now()}`, accountId: accountId.toHexString() },
  });

  const runs = await deleteAccountEvent(accountId.toHexString(), email);
  expect(runs.map((run) => [run.function_id, run.status]).sort()).toEqual(
    erasingCells.map((cell) => [`shop-${cell}-erase-personal-data`, 'Completed']).sort(),
  );

  // User cell: nothing left; staff see no such customer. The bystander keeps their address.
  expect(await Profile.countDocuments({ accountId })).toBe(0);
  expect(await Address.countDocuments({ accountId })).toBe(0);
  const support = callsAs(host.url, (await tokenFor(['support'])).token);
  expect((await support.query('getCustomer', { accountId: accountId.toHexString() })).status).toBe(
    404,
  );
  expect(await Address.countDocuments({ accountId: new Types.ObjectId(bystander.accountId) })).toBe(
    1,
  );

  // Order cell: the order is still there with its number, lines, totals and country; not who.
  const kept = await Order.findById(order._id).orFail().lean();
  expect(kept).toMatchObject({
    number: order.number,
    status: order.status,
    lines: order.lines,
    totalMinor: order.totalMinor,
    currency: order.currency,
    customer: { name: 'Deleted customer' },
    shippingAddress: {
      name: '',
      line1: '',
      city: '',
      postcode: '',
      phone: '',
      country: 'NL',
      region: 'Noord-Holland',
    },
    billingAddress: { name: '', line1: '', postcode: '', country: 'NL' },
  });
  expect(kept.accountId).toBeUndefined();
  expect(kept.customer?.email).toBeUndefined();
  expect(kept.anonymisedAt).toBeInstanceOf(Date);
  expect(JSON.stringify(kept)).not.toMatch(/Keizersgracht|Sam|1015|\+316|shopper@/);
  const guest = await Order.findById(guestOrder._id).orFail().lean();
  expect(guest.customer).toEqual({ name: 'Deleted customer' });
  expect(await Order.countDocuments({ accountId })).toBe(0);
  expect(await Cart.countDocuments({ accountId })).toBe(0);

  // Payment cell: amounts stay, who paid goes.
  const payment = await Payment.findOne({ orderNumber: order.number }).orFail().lean();
  expect(payment).toMatchObject({ amountMinor: order.totalMinor, currency: order.currency });
  expect(payment.billingDetails).toBeUndefined();
  expect(payment.accountId).toBeUndefined();

  // Review cell: same reviews and ratings, no longer tied to the account or to each other.
  expect(await Review.countDocuments({ accountId })).toBe(0);
  // The same review documents (their products also carry other shoppers' demo reviews).
  const reviewsAfter = await Review.find({
    _id: { $in: reviewsBefore.map((review) => review._id) },
  })
    .sort({ productSlug: 1 })
    .lean();
  expect(reviewsAfter.map(({ rating, title }) => ({ rating, title }))).toEqual(
    reviewsBefore.map(({ rating, title }) => ({ rating, title })),
  );
  expect(new Set(reviewsAfter.map((review) => review.accountId.toHexString())).size).toBe(
    reviewsAfter.length,
  );

  // Analytics: the registration still counts, without the account id.
  expect(
    await AnalyticsEvent.countDocuments({ 'properties.accountId': accountId.toHexString() }),
  ).toBe(0);
  expect(await AnalyticsEvent.countDocuments({ name: 'auth/user.registered' })).toBeGreaterThan(0);

  // Redelivery (Inngest retries, or the auth cell sending twice): every handler succeeds again
  // and finds nothing left to change.
  const again = await deleteAccountEvent(accountId.toHexString(), email);
  expect(again.every((run) => run.status === 'Completed')).toBe(true);
  expect(Object.fromEntries(again.map((run) => [run.function_id, run.output]))).toEqual({
    'shop-user-erase-personal-data': {
      erased: true,
      addressesDeleted: 0,
      profilesDeleted: 0,
      notesDeleted: 0,
    },
    'shop-order-erase-personal-data': { ordersCancelled: 0, ordersAnonymised: 0, cartsDeleted: 0 },
    'shop-payment-erase-personal-data': { paymentsUpdated: 0 },
    'shop-review-erase-personal-data': { reviewsDetached: 0, votesDetached: 0, reportsDetached: 0 },
    'shop-analytics-erase-personal-data': { eventsUpdated: 0, browsingEventsUpdated: 0 },
  });
  expect((await Order.findById(order._id).orFail().lean()).totalMinor).toBe(order.totalMinor);
});

it('a registration creates the profile once; a redelivery keeps later edits; a deleted account gets none', async () => {
  const { Profile } = userModels(await connectDomainDatabase('user'));
  const accountId = new Types.ObjectId().toHexString();
  const email = `new-${accountId}@example.com`;
  const registered = { accountId, email, name: 'Nora New' };
  const profileRuns = (runs: RunView[]) =>
    runs.filter((run) => run.function_id === 'shop-user-create-profile-on-registration');

  // The analytics cell also records registrations: two runs per event.
  const first = profileRuns(await sendAuthEvent('auth/user.registered', registered, 2));
  expect(first.map((run) => run.status)).toEqual(['Completed']);
  const nora = callsAs(host.url, (await tokenFor(['customer'], { accountId, email })).token);
  expect(dataOf<{ name: string }>(await nora.query('getProfile')).name).toBe('Nora New');

  dataOf(await nora.mutate('updateProfile', { name: 'Nora Renamed' }));
  await sendAuthEvent('auth/user.registered', registered, 2);
  expect(dataOf<{ name: string }>(await nora.query('getProfile')).name).toBe('Nora Renamed');
  expect(await Profile.countDocuments({ accountId: new Types.ObjectId(accountId) })).toBe(1);

  // Deleted, then the registration event arrives late: no profile comes back, and no retries.
  await deleteAccountEvent(accountId, email);
  const late = profileRuns(await sendAuthEvent('auth/user.registered', registered, 2));
  expect(late.map((run) => [run.status, run.output])).toEqual([
    ['Completed', { profile: 'skipped', reason: 'This account has been deleted' }],
  ]);
  expect(await Profile.countDocuments({ accountId: new Types.ObjectId(accountId) })).toBe(0);
});

it('end to end through the auth cell: sign-up gets a profile, auth.deleteAccount erases it', async () => {
  const { Profile, Address } = userModels(await connectDomainDatabase('user'));
  const email = `erase-me-${Date.now()}@example.com`;
  const password = 'a-long-passphrase-for-erasure-7';
  const auth = (path: string, input: unknown, token?: string) =>
    fetch(`${host.url}/trpc/auth.${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(input),
    });
  const registered = await auth('register', { email, password, name: 'Erin Erase' });
  expect(registered.status).toBe(200);
  const { result } = (await registered.json()) as {
    result: { data: { accessToken: string; account: { id: string } } };
  };
  const accountId = new Types.ObjectId(result.data.account.id);
  const erin = callsAs(host.url, result.data.accessToken);

  // auth/user.registered -> the user cell's function creates the profile with the given name.
  await waitFor(async () => (await Profile.countDocuments({ accountId })) === 1, {
    what: 'the profile the registration event creates',
  });
  expect(dataOf<{ name: string }>(await erin.query('getProfile')).name).toBe('Erin Erase');
  dataOf(
    await erin.mutate('addAddress', {
      name: 'Erin Erase',
      line1: '1 Main Street',
      city: 'Dublin',
      postcode: 'd02x285',
      country: 'IE',
    }),
  );

  const deleted = await auth('deleteAccount', { password }, result.data.accessToken);
  expect(deleted.status).toBe(200);
  await waitFor(
    async () =>
      (await Profile.countDocuments({ accountId })) === 0 &&
      (await Address.countDocuments({ accountId })) === 0,
    { what: "the user cell to erase the account's profile and addresses" },
  );
  expect((await erin.query('getProfile')).status).not.toBe(200);
});
