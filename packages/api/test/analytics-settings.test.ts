import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellHost } from '../src/host';
import { clientOf, signInDemoAccounts, type SignedIn } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';
import { batchOf } from './support/tracking-fixtures';

// The staff procedure for the analytics settings: who may change them, what is refused, the
// audit entry, and that the consent mode saved here is the one ingestion then applies.

let host: CellHost;
let admin: SignedIn;
let analyst: SignedIn;
let shopper: SignedIn;

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['auth', 'analytics']);
  ({ admin, analyst, shopper } = await signInDemoAccounts(host.url, [
    'admin',
    'analyst',
    'shopper',
  ]));
});
afterAll(async () => {
  await stopTestHosts(host);
});

const saved = {
  consentMode: 'opt-out',
  rawEventRetentionDays: 30,
  timeZone: 'America/New_York',
} as const;

describe('analytics settings', () => {
  it('starts at the defaults, which the storefront can read without signing in', async () => {
    expect(await analyst.client.analytics.settings.query()).toEqual({
      consentMode: 'opt-in',
      rawEventRetentionDays: 90,
      timeZone: 'Europe/Amsterdam',
    });
    expect(await clientOf(host.url).analytics.consentPolicy.query()).toEqual({
      consentMode: 'opt-in',
    });
  });

  it('refuses an analyst (403) and a zone that does not exist (400)', async () => {
    await expect(analyst.client.analytics.updateSettings.mutate(saved)).rejects.toMatchObject({
      data: { httpStatus: 403 },
    });
    await expect(
      admin.client.analytics.updateSettings.mutate({ ...saved, timeZone: 'Mars/Olympus' }),
    ).rejects.toMatchObject({ data: { httpStatus: 400 } });
    await expect(
      admin.client.analytics.updateSettings.mutate({ ...saved, rawEventRetentionDays: 0 }),
    ).rejects.toMatchObject({ data: { httpStatus: 400 } });
  });

  it('saves an admin change, audited with before and after, and reports use the new zone', async () => {
    expect(await admin.client.analytics.updateSettings.mutate(saved)).toEqual(saved);
    expect(await analyst.client.analytics.settings.query()).toEqual(saved);
    const page = await admin.client.analytics.auditLog.query({
      action: 'updateSettings',
      limit: 5,
    });
    expect(page.items[0]).toMatchObject({
      before: { consentMode: 'opt-in', rawEventRetentionDays: 90, timeZone: 'Europe/Amsterdam' },
      after: saved,
    });
    const report = await analyst.client.analytics.funnelReport.query({
      from: '2026-11-01',
      to: '2026-11-01',
    });
    expect(report.timeZone).toBe('America/New_York');
  });

  it('applies the saved consent mode to the next batch', async () => {
    // opt-out (saved above): a signed-in shopper who never answered is linked...
    const unset = batchOf([{ kind: 'page_viewed', at: Date.now(), path: '/' }]);
    await shopper.client.analytics.ingestEvents.mutate(unset);
    await admin.client.analytics.updateSettings.mutate({ ...saved, consentMode: 'never' });
    expect(await clientOf(host.url).analytics.consentPolicy.query()).toEqual({
      consentMode: 'never',
    });
    // ...and under `never` not even with a yes.
    const granted = batchOf([{ kind: 'page_viewed', at: Date.now(), path: '/' }], {
      signals: { gpc: false, consent: 'granted' },
    });
    await shopper.client.analytics.ingestEvents.mutate(granted);
    const { connectDomainDatabase } = await import('@shop/db');
    const { analyticsModels } = await import('@shop/db/analytics');
    const { TrackedEvent } = analyticsModels(await connectDomainDatabase('analytics'));
    const [linked] = await TrackedEvent.find({ anonymousId: unset.anonymousId }).lean();
    const [unlinked] = await TrackedEvent.find({ anonymousId: granted.anonymousId }).lean();
    expect(linked?.accountId).toMatch(/^[a-f0-9]{24}$/);
    expect(unlinked?.accountId).toBeUndefined();
  });
});
