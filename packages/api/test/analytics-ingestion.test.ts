import { connectDomainDatabase } from '@shop/db';
import { analyticsModels } from '@shop/db/analytics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropAccountFromEventsStep } from '../src/cells/analytics/functions/erase-personal-data';
import type { CellHost } from '../src/host';
import { request } from './support/http';
import { clientOf, signInDemoAccounts, type SignedIn } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';
import { batchOf } from './support/tracking-fixtures';

// Browser events in through analytics.ingestEvents: bulk insert, dedupe, refusals, consent.

let host: CellHost;
let shopper: SignedIn;

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['auth', 'analytics']);
  ({ shopper } = await signInDemoAccounts(host.url, ['shopper']));
});
afterAll(async () => {
  await stopTestHosts(host);
});

async function storedFor(anonymousId: string) {
  const { TrackedEvent } = analyticsModels(await connectDomainDatabase('analytics'));
  return TrackedEvent.find({ anonymousId }).sort({ occurredAt: 1 }).lean();
}

async function setConsentMode(consentMode: 'opt-in' | 'opt-out' | 'never') {
  const { AnalyticsSettings } = analyticsModels(await connectDomainDatabase('analytics'));
  await AnalyticsSettings.updateOne({ key: 'store' }, { $set: { consentMode } }, { upsert: true });
}

/** POSTs a raw body to the procedure, as a caller that skipped the typed client's checks would. */
function postRaw(body: unknown) {
  return request(`${host.url}/trpc/analytics.ingestEvents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const now = () => Date.now();

describe('ingesting browser events', () => {
  it('stores a batch in one go and counts a replayed batch as duplicates', async () => {
    const batch = batchOf([
      {
        kind: 'session_started',
        at: now() - 3000,
        landingPath: '/',
        referrerHost: 'www.google.com',
      },
      { kind: 'page_viewed', at: now() - 2000, path: '/products/oak-lamp' },
      { kind: 'product_viewed', at: now() - 2000, path: '/products/oak-lamp', productId: 'p1' },
      { kind: 'cart_item_added', at: now() - 1000, productId: 'p1', quantity: 2 },
    ]);
    const anonymous = clientOf(host.url);
    await expect(anonymous.analytics.ingestEvents.mutate(batch)).resolves.toEqual({
      accepted: 4,
      duplicates: 0,
    });
    await expect(anonymous.analytics.ingestEvents.mutate(batch)).resolves.toEqual({
      accepted: 0,
      duplicates: 4,
    });
    const stored = await storedFor(batch.anonymousId);
    expect(stored.map((event) => event.kind)).toEqual([
      'session_started',
      'page_viewed',
      'product_viewed',
      'cart_item_added',
    ]);
    expect(stored[3]).toMatchObject({ productId: 'p1', properties: { quantity: 2 } });
  });

  it('counts stored product views on /metrics, once however often the batch comes', async () => {
    const views = async () => {
      const text = await (await fetch(`${host.url}/metrics`)).text();
      return Number(/^shop_product_views_total (\d+)/m.exec(text)?.[1] ?? 0);
    };
    const before = await views();
    const batch = batchOf([
      { kind: 'product_viewed', at: now(), path: '/products/a', productId: 'a' },
      { kind: 'product_viewed', at: now(), path: '/products/b', productId: 'b' },
      { kind: 'page_viewed', at: now(), path: '/' },
    ]);
    await clientOf(host.url).analytics.ingestEvents.mutate(batch);
    await clientOf(host.url).analytics.ingestEvents.mutate(batch);
    expect(await views()).toBe(before + 2);
  });

  it('counts sign-ups on the auth cell host’s /metrics', async () => {
    const signUps = async () => {
      const text = await (await fetch(`${host.url}/metrics`)).text();
      return Number(/^shop_signups_total (\d+)/m.exec(text)?.[1] ?? 0);
    };
    const before = await signUps();
    await clientOf(host.url).auth.register.mutate({
      email: `metrics-${Date.now()}@example.com`,
      password: 'a long and unusual passphrase 42',
      name: 'Metric Person',
    });
    expect(await signUps()).toBe(before + 1);
  });

  it('keeps the new events of a batch that partly repeats an earlier one', async () => {
    const first = batchOf([{ kind: 'page_viewed', at: now(), path: '/' }]);
    await clientOf(host.url).analytics.ingestEvents.mutate(first);
    const second = {
      ...first,
      events: [
        ...first.events,
        ...batchOf([{ kind: 'page_viewed', at: now(), path: '/a' }]).events,
      ],
    };
    await expect(clientOf(host.url).analytics.ingestEvents.mutate(second)).resolves.toEqual({
      accepted: 1,
      duplicates: 1,
    });
    expect(await storedFor(first.anonymousId)).toHaveLength(2);
  });

  it('refuses malformed, oversized, future-dated and stale batches with a 400', async () => {
    const good = batchOf([{ kind: 'page_viewed', at: now(), path: '/' }]);
    const cases: [string, unknown][] = [
      ['unknown kind', { ...good, events: [{ id: 'abcdefgh12', kind: 'mouse_moved', at: now() }] }],
      ['path with a query', { ...good, events: [{ ...good.events[0], path: '/?email=a@b.c' }] }],
      ['extra field', { ...good, email: 'a@example.com' }],
      [
        'too many',
        batchOf(
          Array.from({ length: 51 }, () => ({
            kind: 'page_viewed' as const,
            at: now(),
            path: '/',
          })),
        ),
      ],
      ['future', batchOf([{ kind: 'page_viewed', at: now() + 60 * 60 * 1000, path: '/' }])],
      ['stale', batchOf([{ kind: 'page_viewed', at: now() - 8 * 24 * 3600 * 1000, path: '/' }])],
    ];
    for (const [name, body] of cases) {
      const response = await postRaw(body);
      expect(response.status, name).toBe(400);
    }
    const future = await postRaw(cases[4]![1]);
    expect(future.text).toContain('dated in the future');
    expect(await storedFor(good.anonymousId)).toHaveLength(0);
  });
});

describe('consent decides whether the account id is stored', () => {
  const signals = {
    granted: { gpc: false, consent: 'granted' },
    grantedWithGpc: { gpc: true, consent: 'granted' },
    unset: { gpc: false, consent: 'unset' },
    denied: { gpc: false, consent: 'denied' },
  } as const;

  async function accountIdStored(signal: keyof typeof signals): Promise<string | undefined> {
    const batch = batchOf([{ kind: 'page_viewed', at: now(), path: '/' }], {
      signals: signals[signal],
    });
    await shopper.client.analytics.ingestEvents.mutate(batch);
    const [stored] = await storedFor(batch.anonymousId);
    expect(stored).toBeDefined();
    return stored?.accountId ?? undefined;
  }

  it('opt-in (the default): only with an explicit yes, never under Global Privacy Control', async () => {
    expect(await accountIdStored('granted')).toMatch(/^[a-f0-9]{24}$/);
    expect(await accountIdStored('grantedWithGpc')).toBeUndefined();
    expect(await accountIdStored('unset')).toBeUndefined();
  });

  it('opt-out: unless the shopper said no or sends GPC; never: not at all', async () => {
    await setConsentMode('opt-out');
    expect(await accountIdStored('unset')).toMatch(/^[a-f0-9]{24}$/);
    expect(await accountIdStored('denied')).toBeUndefined();
    expect(await accountIdStored('grantedWithGpc')).toBeUndefined();
    await setConsentMode('never');
    expect(await accountIdStored('granted')).toBeUndefined();
    await setConsentMode('opt-in');
  });

  it('an anonymous batch never carries an account id, whatever it says', async () => {
    const batch = batchOf([{ kind: 'page_viewed', at: now(), path: '/' }], {
      signals: signals.granted,
    });
    await clientOf(host.url).analytics.ingestEvents.mutate(batch);
    const [stored] = await storedFor(batch.anonymousId);
    expect(stored?.accountId).toBeUndefined();
  });

  it('erasing the account removes its link from every browsing event', async () => {
    const batch = batchOf(
      [
        { kind: 'page_viewed', at: now(), path: '/' },
        { kind: 'product_viewed', at: now(), path: '/products/x', productId: 'p9' },
      ],
      { signals: signals.granted },
    );
    await shopper.client.analytics.ingestEvents.mutate(batch);
    const before = await storedFor(batch.anonymousId);
    const accountId = before[0]?.accountId;
    expect(accountId).toBeTruthy();

    await dropAccountFromEventsStep.run({ accountId: accountId!, email: 'shopper@example.com' });
    const after = await storedFor(batch.anonymousId);
    expect(after).toHaveLength(2);
    expect(after.every((event) => event.accountId === undefined)).toBe(true);
  });
});
