import { randomUUID } from 'node:crypto';
import { connectDomainDatabase } from '@shop/db';
import { analyticsModels } from '@shop/db/analytics';
import { derivedObjectId } from '@shop/db/claims';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvent } from '../src/cells/analytics/record-event';
import { runRollups } from '../src/cells/analytics/rollup-schedule';
import type { CellHost } from '../src/host';
import { signInDemoAccounts, type SignedIn } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

// The customers and abandoned-cart reports read stored data the rollup job rebuilds (customer
// histories, daily cart rollups). Here they are compared with numbers this file computes itself
// from the same seeded orders and browsing events: a generated set around Amsterdam's October DST
// change (02:00-03:00 happens twice on 25 October 2026) and month ends, then late events, then a
// second and a full rebuild that must change nothing.

const timeZone = 'Europe/Amsterdam';
const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
// Each test reads the reports over HTTP several times and runs the job: slow on a loaded machine.
const testTimeoutMs = 180_000;

let host: CellHost;
let analyst: SignedIn;

async function models() {
  return analyticsModels(await connectDomainDatabase('analytics'));
}

/** The local day of an instant, by Intl alone (not the cell's zoned-time code). */
const localDay = (at: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(at))
    .slice(0, 10);

/** A small seeded generator, so a failure can be replayed (mulberry32). */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = generator(14);
const pick = (count: number) => Math.floor(random() * count);

interface Order {
  account?: string;
  at: number;
}
interface CartEvent {
  kind: 'cart_item_added' | 'cart_item_removed' | 'page_viewed';
  at: number;
  browser: string;
  session: string;
  product?: string;
  quantity?: number;
  unitPriceMinor?: number;
}

const orders: Order[] = [];
const cartEvents: CartEvent[] = [];
const prices: Record<string, number> = { lamp: 4_000, mug: 1_000, rug: 2_500 };

function generateOrders() {
  const start = Date.parse('2026-09-01T00:00:00Z');
  for (let index = 0; index < 240; index += 1) {
    orders.push({
      ...(random() < 0.2 ? {} : { account: `acct-${pick(30)}` }),
      at: start + Math.floor(random() * 91 * dayMs),
    });
  }
  // Instants where UTC and Amsterdam days differ, on and around the DST night and month ends.
  for (const [account, at] of [
    ['acct-dst-1', '2026-10-24T22:30:00Z'], // 00:30 CEST on 25 October
    ['acct-dst-1', '2026-10-25T00:30:00Z'], // 02:30 CEST, the first 02:30
    ['acct-dst-2', '2026-10-25T01:30:00Z'], // 02:30 CET, the second 02:30
    ['acct-dst-2', '2026-10-25T22:30:00Z'], // 23:30 CET, still 25 October
    ['acct-dst-3', '2026-10-25T23:30:00Z'], // 00:30 on 26 October
    ['acct-dst-3', '2026-10-31T23:30:00Z'], // 00:30 on 1 November: a November order
    [undefined, '2026-09-30T22:30:00Z'], // a guest's 00:30 on 1 October
    [undefined, '2026-10-25T01:10:00Z'], // a guest in the repeated hour
  ] as const) {
    orders.push({ ...(account ? { account } : {}), at: Date.parse(at) });
  }
}

function generateCarts() {
  const start = Date.parse('2026-10-15T00:00:00Z');
  const fixedStarts = ['2026-10-24T21:50:00Z', '2026-10-25T00:40:00Z', '2026-10-25T01:20:00Z'];
  for (let index = 0; index < 90; index += 1) {
    const browser = `browser-${pick(40)}`;
    const session = `session-${index}`;
    const fixedStart = fixedStarts[index];
    let at = fixedStart ? Date.parse(fixedStart) : start + pick(20 * 24) * hourMs;
    const changes = 1 + pick(4);
    for (let change = 0; change < changes; change += 1) {
      const product = ['lamp', 'mug', 'rug'][pick(3)]!;
      const removal = change > 0 && random() < 0.3;
      cartEvents.push({
        kind: removal ? 'cart_item_removed' : 'cart_item_added',
        at,
        browser,
        session,
        product,
        quantity: 1 + pick(3),
        ...(removal ? {} : { unitPriceMinor: prices[product] }),
      });
      at += (1 + pick(20)) * 60_000;
    }
    if (random() < 0.2) {
      cartEvents.push({ kind: 'page_viewed', at: at + 5 * 60_000, browser, session });
    } else if (random() < 0.4) {
      // The same browser buys later, in another session: within 7 days or after.
      const later = at + Math.floor(random() * 10 * dayMs);
      cartEvents.push({ kind: 'page_viewed', at: later, browser, session: `later-${index}` });
    }
  }
}

/** Orders recorded on time: stored as if when they happened, so only late ones are new to a run. */
async function insertOrders(list: Order[]) {
  const { AnalyticsEvent } = await models();
  const inserted = await AnalyticsEvent.insertMany(
    list.map((order) => ({
      name: 'order/order.confirmed',
      occurredAt: new Date(order.at),
      source: 'order',
      properties: {
        orderId: randomUUID(),
        totalMinor: 1_000,
        currency: 'EUR',
        itemCount: 1,
        lines: [{ sku: 'MUG', name: 'Mug', quantity: 1, lineTotalMinor: 1_000 }],
        guest: order.account === undefined,
        ...(order.account ? { accountId: order.account } : {}),
      },
    })),
  );
  for (const [index, order] of list.entries()) {
    const at = new Date(order.at);
    await AnalyticsEvent.updateOne(
      { _id: inserted[index]!._id },
      { $set: { createdAt: at, updatedAt: at } },
      { timestamps: false },
    );
  }
}

/** Browsing events; `late` ones arrive now, the others arrived when they happened. */
async function insertCartEvents(list: CartEvent[], late = false) {
  const { TrackedEvent } = await models();
  await TrackedEvent.insertMany(
    list.map((event) => ({
      _id: derivedObjectId('test', randomUUID()),
      kind: event.kind,
      occurredAt: new Date(event.at),
      receivedAt: late ? new Date() : new Date(event.at),
      anonymousId: event.browser,
      sessionId: event.session,
      device: 'desktop',
      trafficSource: 'direct',
      ...(event.product ? { productId: event.product } : {}),
      ...(event.kind === 'page_viewed' ? { path: `/checkout/confirmation/${randomUUID()}` } : {}),
      properties: {
        ...(event.quantity ? { quantity: event.quantity } : {}),
        ...(event.unitPriceMinor ? { unitPriceMinor: event.unitPriceMinor, currency: 'EUR' } : {}),
      },
    })),
  );
}

/** The customers report as this file works it out: per account, its orders' local days. */
function expectedCustomers(from: string, to: string) {
  const daysByAccount = new Map<string, string[]>();
  let guestOrders = 0;
  for (const order of orders) {
    const day = localDay(order.at);
    if (!order.account) {
      if (day >= from && day <= to) guestOrders += 1;
      continue;
    }
    daysByAccount.set(order.account, [...(daysByAccount.get(order.account) ?? []), day]);
  }
  const expected = {
    newCustomers: 0,
    newCustomerOrders: 0,
    returningCustomers: 0,
    returningCustomerOrders: 0,
    guestOrders,
  };
  const months: string[] = [];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7);) {
    months.push(month);
    const [year, number] = month.split('-').map(Number) as [number, number];
    month = number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
  }
  const cohorts = new Map<string, { customers: number; activeByMonth: number[] }>();
  for (const days of daysByAccount.values()) {
    const first = days.reduce((a, b) => (a < b ? a : b));
    const inRange = days.filter((day) => day >= from && day <= to).length;
    if (inRange === 0) continue;
    if (first >= from) {
      expected.newCustomers += 1;
      expected.newCustomerOrders += inRange;
      const cohortMonths = months.filter((month) => month >= first.slice(0, 7));
      const cohort = cohorts.get(first.slice(0, 7)) ?? {
        customers: 0,
        activeByMonth: cohortMonths.map(() => 0),
      };
      cohort.customers += 1;
      cohortMonths.forEach((month, index) => {
        if (days.some((day) => day.startsWith(month))) cohort.activeByMonth[index]! += 1;
      });
      cohorts.set(first.slice(0, 7), cohort);
    } else {
      expected.returningCustomers += 1;
      expected.returningCustomerOrders += inRange;
    }
  }
  return {
    timeZone,
    ...expected,
    cohorts: [...cohorts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([cohort, counts]) => ({ cohort, ...counts })),
  };
}

/** Each session that ended with items in its cart and no order in it. */
function abandonedSessions() {
  const sessions = new Map<string, CartEvent[]>();
  for (const event of cartEvents) {
    sessions.set(event.session, [...(sessions.get(event.session) ?? []), event]);
  }
  return [...sessions.values()].flatMap((events) => {
    if (events.some((event) => event.kind === 'page_viewed')) return [];
    const net = new Map<string, number>();
    const price = new Map<string, number>();
    for (const event of events) {
      const sign = event.kind === 'cart_item_added' ? 1 : -1;
      net.set(event.product!, Math.max(0, (net.get(event.product!) ?? 0) + sign * event.quantity!));
      if (event.unitPriceMinor) price.set(event.product!, event.unitPriceMinor);
    }
    const value = [...net].reduce(
      (sum, [product, count]) => sum + count * (price.get(product) ?? 0),
      0,
    );
    if (value === 0) return [];
    const lastChange = Math.max(...events.map((event) => event.at));
    return [{ browser: events[0]!.browser, lastChange, value }];
  });
}

function expectedCarts(from: string, to: string) {
  const purchases = cartEvents.filter((event) => event.kind === 'page_viewed');
  const byDay = new Map<string, { abandoned: number; recovered: number }>();
  const result = { abandoned: 0, recovered: 0, value: 0, recoveredValue: 0 };
  for (const cart of abandonedSessions()) {
    const day = localDay(cart.lastChange);
    if (day < from || day > to) continue;
    const recovered = purchases.some(
      (purchase) =>
        purchase.browser === cart.browser &&
        purchase.at > cart.lastChange &&
        purchase.at <= cart.lastChange + 7 * dayMs,
    );
    const counts = byDay.get(day) ?? { abandoned: 0, recovered: 0 };
    counts.abandoned += 1;
    result.abandoned += 1;
    result.value += cart.value;
    if (recovered) {
      counts.recovered += 1;
      result.recovered += 1;
      result.recoveredValue += cart.value;
    }
    byDay.set(day, counts);
  }
  return {
    timeZone,
    abandoned: result.abandoned,
    valueMinor: result.value ? { EUR: result.value } : {},
    recovered: result.recovered,
    recoveredValueMinor: result.recoveredValue ? { EUR: result.recoveredValue } : {},
    days: [...byDay.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, counts]) => ({ day, ...counts })),
  };
}

const customerRanges = [
  ['2026-10-01', '2026-11-30'],
  ['2026-10-25', '2026-10-25'],
  ['2026-10-26', '2026-11-30'],
  ['2026-09-01', '2026-12-05'],
] as const;
const cartRanges = [
  ['2026-10-15', '2026-11-30'],
  ['2026-10-24', '2026-10-24'],
  ['2026-10-25', '2026-10-25'],
  ['2026-10-26', '2026-11-10'],
] as const;

async function expectReportsToMatch() {
  for (const [from, to] of customerRanges) {
    expect(
      await analyst.client.analytics.customersReport.query({ from, to }),
      `${from}..${to}`,
    ).toEqual(expectedCustomers(from, to));
  }
  for (const [from, to] of cartRanges) {
    expect(
      await analyst.client.analytics.abandonedCartsReport.query({ from, to }),
      `${from}..${to}`,
    ).toEqual(expectedCarts(from, to));
  }
}

/** What the job stores, without when it was rebuilt: for "a rebuild changes nothing". */
async function storedState() {
  const { CustomerHistory, AbandonedCartDay, AnalyticsRollup } = await models();
  const strip = ({ rebuiltAt: _rebuiltAt, ...rest }: { rebuiltAt?: unknown }) => rest;
  const [histories, cartDays, rollups] = await Promise.all([
    CustomerHistory.find().sort({ _id: 1 }).lean(),
    AbandonedCartDay.find().sort({ _id: 1 }).lean(),
    AnalyticsRollup.find({ granularity: 'day' }).sort({ _id: 1 }).lean(),
  ]);
  return JSON.stringify([histories, cartDays, rollups].map((documents) => documents.map(strip)));
}

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['auth', 'analytics']);
  ({ analyst } = await signInDemoAccounts(host.url, ['analyst']));
  const { AnalyticsSettings } = await models();
  await AnalyticsSettings.updateOne(
    { key: 'store' },
    { $set: { rawEventRetentionDays: 400, timeZone } },
    { upsert: true },
  );
  generateOrders();
  generateCarts();
  await insertOrders(orders);
  await insertCartEvents(cartEvents);
  await runRollups();
}, 120_000);
afterAll(async () => {
  await stopTestHosts(host);
});

describe('stored customers and abandoned-cart reports', () => {
  it(
    'equal the numbers worked out from the seeded orders and carts, across the DST night',
    async () => {
      // The generated set does reach the DST day and its repeated hour.
      expect(expectedCustomers('2026-10-25', '2026-10-25').newCustomers).toBeGreaterThan(0);
      expect(expectedCustomers('2026-10-25', '2026-10-25').guestOrders).toBeGreaterThan(0);
      expect(expectedCarts('2026-10-25', '2026-10-25').abandoned).toBeGreaterThan(0);
      expect(expectedCarts('2026-10-15', '2026-11-30').recovered).toBeGreaterThan(0);
      await expectReportsToMatch();
    },
    testTimeoutMs,
  );

  it(
    'take in late events on the next run: an earlier order, a purchase that recovers a cart',
    async () => {
      // An October customer's order from September arrives late: they become returning in October.
      const october = expectedCustomers('2026-10-01', '2026-10-31');
      const newInOctober = [
        ...new Set(orders.filter((order) => order.account).map((order) => order.account!)),
      ].find((account) => {
        const days = orders.filter((order) => order.account === account).map((o) => localDay(o.at));
        return days.every((day) => day >= '2026-10-01') && days.some((day) => day <= '2026-10-31');
      })!;
      expect(newInOctober).toBeDefined();
      const lateOrder = { account: newInOctober, at: Date.parse('2026-09-15T10:00:00Z') };
      await recordEvent(
        { id: randomUUID(), name: 'order/order.confirmed', ts: lateOrder.at },
        { totalMinor: 1_000, currency: 'EUR', itemCount: 1, lines: [], accountId: newInOctober },
        { property: 'orderId', value: randomUUID() },
      );
      orders.push(lateOrder);
      // A cart left unrecovered gets its browser's purchase two days later, sent late.
      const purchases = cartEvents.filter((event) => event.kind === 'page_viewed');
      const unrecovered = abandonedSessions().find(
        (cart) => !purchases.some((purchase) => purchase.browser === cart.browser),
      )!;
      expect(unrecovered).toBeDefined();
      const latePurchase: CartEvent = {
        kind: 'page_viewed',
        at: unrecovered.lastChange + 2 * dayMs,
        browser: unrecovered.browser,
        session: 'late-session',
      };
      await insertCartEvents([latePurchase], true);
      cartEvents.push(latePurchase);

      await runRollups();
      expect(expectedCustomers('2026-10-01', '2026-10-31').newCustomers).toBe(
        october.newCustomers - 1,
      );
      await expectReportsToMatch();
    },
    testTimeoutMs,
  );

  it(
    'changes nothing when rebuilt again, or rebuilt from scratch',
    async () => {
      const before = await storedState();
      await runRollups();
      expect(await storedState()).toBe(before);
      // A full rebuild (what a new time zone starts): every day and every customer again.
      const { AnalyticsSettings } = await models();
      await AnalyticsSettings.updateOne({ key: 'store' }, { $unset: { rolledUpThrough: 1 } });
      await runRollups();
      expect(await storedState()).toBe(before);
      await expectReportsToMatch();
    },
    testTimeoutMs,
  );

  it(
    'shows a signed-in customer who ordered a moment ago without waiting for the job',
    async () => {
      const today = localDay(Date.now());
      await recordEvent(
        { id: randomUUID(), name: 'order/order.confirmed', ts: Date.now() - 1_000 },
        { totalMinor: 1_000, currency: 'EUR', itemCount: 1, lines: [], accountId: 'acct-today' },
        { property: 'orderId', value: randomUUID() },
      );
      const report = await analyst.client.analytics.customersReport.query({
        from: today,
        to: today,
      });
      expect(report).toMatchObject({ newCustomers: 1, newCustomerOrders: 1 });
    },
    testTimeoutMs,
  );
});
