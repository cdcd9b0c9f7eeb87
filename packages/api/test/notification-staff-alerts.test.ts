import { randomBytes } from 'node:crypto';
import { seedDemoData } from '@shop/db/seed';
import { isolateTestDatabases, waitFor } from '@shop/db/testing';
import { startMailCapture, type CapturedMessage, type MailCapture } from '@shop/mail-capture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runsEnded, sendToExecutor } from './support/executor-events';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { bearer, queryUrl, request } from './support/http';
import { signInDemoAccounts, type SignedIn } from './support/login';

// Staff alerts over HTTP: each kind raised once by the event that causes it (a redelivered event
// raises nothing more), read state and unread count per staff account, and email to staff who
// subscribed to a kind.

let capture: MailCapture;
let platform: HostWithExecutor;
let staff: Record<'admin' | 'catalog' | 'shopper', SignedIn>;

beforeAll(async () => {
  capture = await startMailCapture({ smtpPort: 0, httpPort: 0 });
  isolateTestDatabases();
  // A small catalogue: the file needs the demo staff, not the products.
  await seedDemoData({ productCount: 60 });
  platform = await startHostWithExecutor(['auth', 'notification'], {
    // An order is "stuck" after twice the payment timeout: 2 s here.
    env: {
      SMTP_URL: capture.smtpUrl,
      STOREFRONT_PUBLIC_URL: 'http://shop.test',
      ORDER_PAYMENT_TIMEOUT: '1s',
    },
  });
  staff = await signInDemoAccounts(platform.host.url, ['admin', 'catalog', 'shopper']);
});
afterAll(async () => {
  const { closeSmtpTransports } = await import('../src/cells/notification/smtp-transport');
  closeSmtpTransports();
  await platform?.stop();
  await capture?.stop();
});

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const query = (who: SignedIn | undefined, path: string, input?: unknown) =>
  request(queryUrl(platform.host.url, `notification.${path}`, input), {
    headers: who ? bearer(who.token) : {},
  });
const mutate = (who: SignedIn, path: string, input: unknown) =>
  request(`${platform.host.url}/trpc/notification.${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(who.token) },
    body: JSON.stringify(input),
  });
const data = <T>(response: { json: unknown }) =>
  (response.json as { result: { data: T } }).result.data;

interface Alert {
  id: string;
  kind: string;
  title: string;
  detail: string;
  href: string | null;
  read: boolean;
}

/** Sends the event twice (a redelivery) and waits for every run it started. */
async function deliverTwice(name: string, eventData: Record<string, unknown>) {
  for (let time = 0; time < 2; time += 1) {
    await runsEnded(platform.executor, await sendToExecutor(platform.executor, name, eventData));
  }
}

/**
 * Waits until `count` runs of the alert function started since `since` have ended (read from the
 * executor's overview of its latest runs): what a follow-on event made it do is then done.
 */
async function alertRunsEnded(functionId: string, since: number, count: number) {
  await waitFor(
    async () => {
      const response = await fetch(platform.executor.url, {
        headers: { accept: 'application/json' },
      });
      const { runs } = (await response.json()) as {
        runs: { function_id: string; status: string; run_started_at: string }[];
      };
      const ours = runs.filter(
        (run) => run.function_id.endsWith(functionId) && Date.parse(run.run_started_at) >= since,
      );
      return ours.length >= count && ours.every((run) => run.status !== 'Running');
    },
    { what: `${count} ${functionId} runs to end` },
  );
}

async function alerts(who: SignedIn = staff.admin): Promise<Alert[]> {
  return data<{ items: Alert[] }>(await query(who, 'listAlerts', { pageSize: 48 })).items;
}
const unread = async (who: SignedIn) =>
  data<{ unread: number }>(await query(who, 'unreadAlertCount')).unread;

async function inbox(to: string): Promise<CapturedMessage[]> {
  const response = await fetch(`${capture.inboxUrl}/api/messages?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { items: CapturedMessage[] }).items;
}

describe('each alert is raised once by its event', () => {
  it('low stock: once per SKU, however often the event comes', async () => {
    const sku = `SKU-${hex(3)}`;
    await deliverTwice('product/stock.low', { sku, productId: hex(12), available: 2 });
    const found = (await alerts()).filter((alert) => alert.title.includes(sku));
    expect(found).toEqual([
      expect.objectContaining({
        kind: 'low-stock',
        detail: '2 available to sell.',
        href: `/inventory?search=${sku}`,
        read: false,
      }),
    ]);
  });

  it('a refund that failed at the provider', async () => {
    const refundId = hex(12);
    await deliverTwice('payment/refund.failed', {
      orderId: hex(12),
      orderNumber: 'SO-FAIL-1',
      refundId,
      amountMinor: 1_250,
      currency: 'EUR',
      message: 'The card issuer refused the refund.',
    });
    const found = (await alerts()).filter((alert) => alert.kind === 'refund-failed');
    expect(found).toHaveLength(1);
    expect(found[0]!.title).toBe('Refund of €12.50 failed for order SO-FAIL-1');
    expect(found[0]!.detail).toContain('The card issuer refused the refund.');
  });

  it('a CSV import that finished, and one that failed', async () => {
    await deliverTwice('product/csv-import.finished', {
      importId: hex(12),
      outcome: 'completed',
      done: 250,
      total: 250,
    });
    await deliverTwice('product/csv-import.finished', {
      importId: hex(12),
      outcome: 'failed',
      done: 0,
      total: 0,
      message: 'The import stopped: the database went away.',
    });
    const all = await alerts();
    expect(all.filter((alert) => alert.kind === 'csv-import-finished')).toEqual([
      expect.objectContaining({ detail: '250 of 250 rows applied.' }),
    ]);
    expect(all.filter((alert) => alert.kind === 'csv-import-failed')).toEqual([
      expect.objectContaining({ detail: 'The import stopped: the database went away.' }),
    ]);
  });

  it('emails failing repeatedly: one alert when five fail within the hour', async () => {
    const since = Date.now();
    for (let failure = 0; failure < 5; failure += 1) {
      capture.rejectNext({ code: 554, message: 'Message refused by policy', at: 'data' });
      await runsEnded(
        platform.executor,
        await sendToExecutor(platform.executor, 'auth/user.registered', {
          accountId: hex(12),
          email: `gone-${hex(4)}@example.com`,
          name: 'Gone',
        }),
      );
    }
    const found = await waitFor(
      async () => {
        const failing = (await alerts()).filter((alert) => alert.kind === 'emails-failing');
        return failing.length > 0 && failing;
      },
      { what: 'the emails-failing alert' },
    );
    // Every failure's alert run has ended, the fifth's too: still one alert.
    await alertRunsEnded('alert-emails-failing', since, 5);
    expect((await alerts()).filter((alert) => alert.kind === 'emails-failing')).toHaveLength(1);
    expect(found[0]!.href).toBe('/notifications/messages?status=failed');
  });

  it('an order stuck in payment, but not one that was cancelled in time', async () => {
    const order = (number: string) => ({
      orderId: hex(12),
      number,
      email: `buyer-${hex(4)}@example.com`,
      name: 'Ada',
      totalMinor: 4_000,
      currency: 'EUR',
      paymentMethod: 'card',
      lines: [],
    });
    const stuck = order(`SO-STUCK-${hex(2)}`);
    const fine = order(`SO-FINE-${hex(2)}`);
    const stuckCreated = await sendToExecutor(platform.executor, 'order/order.created', stuck);
    const fineCreated = await sendToExecutor(platform.executor, 'order/order.created', fine);
    await sendToExecutor(platform.executor, 'order/order.cancelled', {
      ...fine,
      code: 'payment_failed',
      message: 'Your card was declined.',
      refundedMinor: 0,
    });
    const found = await waitFor(
      async () => {
        const all = await alerts();
        return all.some((alert) => alert.kind === 'order-stuck-in-payment') && all;
      },
      { what: 'the stuck-order alert', timeoutMs: 15_000 },
    );
    // Both orders' alert runs have ended: the stuck one's raised it, the cancelled one's did not.
    const [stuckRuns, fineRuns] = await Promise.all(
      [stuckCreated, fineCreated].map((eventId) => runsEnded(platform.executor, eventId)),
    );
    expect(stuckRuns!.map((run) => run.status)).toEqual(['Completed']);
    expect(fineRuns!.map((run) => run.status)).toEqual(['Cancelled']);
    const stuckAlerts = (await alerts()).filter((a) => a.kind === 'order-stuck-in-payment');
    expect(stuckAlerts.map((alert) => alert.title)).toEqual([
      `Order ${stuck.number} is stuck in payment`,
    ]);
    expect(found.find((a) => a.kind === 'order-stuck-in-payment')!.href).toBe(
      `/orders/${stuck.orderId}`,
    );
  });
});

describe('reading alerts', () => {
  it('counts unread per staff account, marks read, and is for staff only', async () => {
    await deliverTwice('product/stock.low', {
      sku: `READ-${hex(3)}`,
      productId: hex(12),
      available: 1,
    });
    const total = (await alerts()).length;
    expect(await unread(staff.admin)).toBe(total);
    expect(await unread(staff.catalog)).toBe(total);

    const [newest] = await alerts();
    const marked = await mutate(staff.admin, 'markAlertsRead', { ids: [newest!.id] });
    expect(data(marked)).toEqual({ unread: total - 1 });
    expect((await alerts()).find((alert) => alert.id === newest!.id)!.read).toBe(true);
    // Someone else's reading does not change mine.
    expect(await unread(staff.catalog)).toBe(total);

    expect(data(await mutate(staff.catalog, 'markAlertsRead', { all: true }))).toEqual({
      unread: 0,
    });
    expect(await unread(staff.admin)).toBe(total - 1);

    expect((await query(staff.shopper, 'listAlerts', {})).status).toBe(403);
    expect((await query(undefined, 'unreadAlertCount')).status).toBe(401);
    expect((await mutate(staff.admin, 'markAlertsRead', {})).status).toBe(400);
    expect((await mutate(staff.admin, 'markAlertsRead', { ids: ['x'] })).status).toBe(400);
  });
});

describe('alert emails', () => {
  it('go once to staff subscribed to the kind, and to nobody else', async () => {
    const saved = await mutate(staff.admin, 'setAlertSubscription', { kinds: ['refund-failed'] });
    expect(data(saved)).toEqual({ kinds: ['refund-failed'] });
    expect(data(await query(staff.admin, 'alertSubscription'))).toEqual({
      kinds: ['refund-failed'],
    });
    expect(
      (await mutate(staff.admin, 'setAlertSubscription', { kinds: ['everything'] })).status,
    ).toBe(400);

    const before = (await inbox('admin@example.com')).length;
    await deliverTwice('payment/refund.failed', {
      orderId: hex(12),
      orderNumber: 'SO-MAIL-1',
      refundId: hex(12),
      amountMinor: 500,
      currency: 'EUR',
      message: 'Refused.',
    });
    const emails = await inbox('admin@example.com');
    expect(emails.length - before).toBe(1);
    expect(emails.map((email) => email.subject)).toContain(
      '[Shop staff alert] Refund of €5.00 failed for order SO-MAIL-1',
    );
    // Not subscribed: the catalog manager gets no email.
    expect(await inbox('catalog@example.com')).toEqual([]);
  });
});
