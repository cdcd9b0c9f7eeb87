import { randomBytes } from 'node:crypto';
import { startLocalInngest, type LocalInngest } from '@shop/inngest-local';
import { seedDemoData } from '@shop/db/seed';
import { isolateTestDatabases, waitFor } from '@shop/db/testing';
import { startMailCapture, type CapturedMessage, type MailCapture } from '@shop/mail-capture';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allCaptured,
  campaignCalls,
  campaignContent,
  confirmedSubscribers,
  dataOf,
  notificationModelsForTest,
  uniqueEmail,
} from './support/campaign-fixtures';
import {
  startHostWithExecutor,
  testRetryScale,
  type HostWithExecutor,
} from './support/host-with-executor';
import { signInDemoAccounts, type SignedIn } from './support/login';

// Campaign sending (issue 18) with the real local Inngest executor and the real SMTP capture:
// a send interrupted inside a batch (the mail server refuses mid-batch, the step is retried) and
// between batches (the executor is stopped and started again) reaches every recipient exactly
// once at CAMPAIGN_SEND_RATE; pause stops after the batch and resume goes on where it stopped;
// a scheduled campaign waits for its time, a rescheduled one goes at the new time only, and a
// cancelled one never goes; bounces and complaints are counted on the campaign.

const rate = 20; // emails a second; batches of 40
let capture: MailCapture;
let platform: HostWithExecutor;
let restartedExecutor: LocalInngest | undefined;
let admin: SignedIn;
let calls: ReturnType<typeof campaignCalls>;

beforeAll(async () => {
  capture = await startMailCapture({ smtpPort: 0, httpPort: 0, limit: 5_000 });
  isolateTestDatabases();
  // A small catalogue: the file needs the demo staff, not the products.
  await seedDemoData({ productCount: 60 });
  platform = await startHostWithExecutor(['auth', 'notification', 'product'], {
    env: {
      SMTP_URL: capture.smtpUrl,
      STOREFRONT_PUBLIC_URL: 'http://shop.test',
      MAIL_LINK_SECRET: 'mail-link-test-secret-0123456789abcdef',
      CAMPAIGN_SEND_RATE: String(rate),
    },
  });
  ({ admin } = await signInDemoAccounts(platform.host.url, ['admin']));
  calls = campaignCalls(platform.host.url);
}, 120_000);
afterAll(async () => {
  const { closeSmtpTransports } = await import('../src/cells/notification/smtp-transport');
  closeSmtpTransports();
  await platform?.stop();
  await restartedExecutor?.stop();
  await capture?.stop();
});

interface CampaignState {
  id: string;
  status: string;
  counts: Record<string, number>;
}

/** `count` confirmed subscribers who bought from a category of their own (the segment). */
async function segmentOf(count: number) {
  const category = `test-${randomBytes(4).toString('hex')}`;
  const emails = Array.from({ length: count }, (_, at) => uniqueEmail(`${category}-${at}`));
  await confirmedSubscribers(emails);
  const { CustomerPurchase } = await notificationModelsForTest();
  await CustomerPurchase.insertMany(
    emails.map((email) => ({
      email,
      lastOrderAt: new Date(),
      orderCount: 1,
      lifetimeValue: { EUR: 1_000 },
      categorySlugs: [category],
    })),
  );
  return { emails, audience: { kind: 'boughtFromCategory', categoryId: category } };
}

async function createCampaign(audience: unknown, subject: string): Promise<string> {
  const response = await calls.call(
    'createCampaign',
    campaignContent({ audience, subject }),
    admin,
  );
  expect(response.status).toBe(200);
  return dataOf<{ id: string }>(response).id;
}

async function campaign(id: string): Promise<CampaignState> {
  return dataOf<CampaignState>(await calls.read('getCampaign', { id }, admin));
}

async function received(subject: string): Promise<CapturedMessage[]> {
  return (await allCaptured(capture)).filter((email) => email.subject === subject);
}

async function waitForStatus(id: string, status: string, timeout = 60_000) {
  return waitFor(
    async () => {
      const state = await campaign(id);
      return state.status === status && state;
    },
    { what: `campaign ${id} ${status}`, timeoutMs: timeout },
  );
}

/** The most emails that arrived within any one second. */
function busiestSecond(emails: CapturedMessage[]): number {
  const times = emails.map((email) => Date.parse(email.receivedAt)).sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < times.length; last += 1) {
    while (times[last]! - times[first]! >= 1000) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

function expectEachOnce(emails: CapturedMessage[], recipients: string[]) {
  const perRecipient = new Map<string, number>();
  for (const email of emails) {
    for (const to of email.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
  }
  expect([...perRecipient.keys()].sort()).toEqual([...recipients].sort());
  expect([...perRecipient.values()].filter((count) => count !== 1)).toEqual([]);
}

describe('sending a campaign', () => {
  it('reaches each recipient exactly once at the configured rate, across a refusal inside a batch and an executor restart between batches', async () => {
    const { emails, audience } = await segmentOf(100);
    const subject = `Crash test ${randomBytes(3).toString('hex')}`;
    const id = await createCampaign(audience, subject);
    expect((await calls.call('sendCampaignNow', { id }, admin)).status).toBe(200);

    // Inside the first batch (40): the mail server refuses twice for a moment (421, try later).
    await waitFor(async () => (await received(subject)).length >= 15, { what: '15 sent' });
    capture.rejectNext({ code: 421, message: '4.3.2 try again later', times: 2 });

    // Between batches: the executor stops (its runs are in MongoDB) and starts again.
    await waitFor(async () => (await received(subject)).length >= 45, { what: '45 sent' });
    const port = Number(new URL(platform.executor.url).port);
    await platform.executor.stop();
    restartedExecutor = await startLocalInngest({
      port,
      logger: pino({ level: 'silent' }),
      tuning: { pollIntervalMs: 50, retryScale: testRetryScale },
    });

    const done = await waitForStatus(id, 'sent', 90_000);
    const emailsSent = await received(subject);
    expectEachOnce(emailsSent, emails);
    expect(done.counts).toMatchObject({ audience: 100, sent: 100, failed: 0, skipped: 0 });

    // The rate held: never more than `rate` (+1 for arrival jitter) in any one second, and
    // the whole took at least (n - 1) / rate seconds.
    expect(busiestSecond(emailsSent)).toBeLessThanOrEqual(rate + 1);
    const times = emailsSent.map((email) => Date.parse(email.receivedAt)).sort((a, b) => a - b);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(((100 - 1) / rate) * 1000 * 0.95);

    // Each went through the marketing send path: one-click unsubscribe headers.
    expect(emailsSent[0]!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(emailsSent[0]!.headers['x-shop-template']).toBe('campaign');
    const { CampaignDelivery, Message } = await notificationModelsForTest();
    expect(await CampaignDelivery.countDocuments({ campaignId: id, status: 'sent' })).toBe(100);
    // The refusal really interrupted a batch: a message took more than one attempt.
    expect(
      await Message.countDocuments({
        template: 'campaign',
        to: { $in: emails },
        attempts: { $gte: 2 },
      }),
    ).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('writes each email down soon after it went, so a crash mid-batch could repeat only a few', async () => {
    // What a crash would send twice is what SMTP accepted and the records do not yet say: sampled
    // while 80 emails go out in two batches of 40, it stays a few emails (one record at a time
    // runs beside the sending), not most of a batch (as when a batch recorded its outcomes at the
    // end). Captured first, records second, so a sample never overstates the gap.
    const { emails, audience } = await segmentOf(80);
    const subject = `Group commit ${randomBytes(3).toString('hex')}`;
    const id = await createCampaign(audience, subject);
    const { Message } = await notificationModelsForTest();
    expect((await calls.call('sendCampaignNow', { id }, admin)).status).toBe(200);
    let widest = 0;
    let samples = 0;
    for (;;) {
      const captured = (await received(subject)).length;
      const recorded = await Message.countDocuments({
        template: 'campaign',
        to: { $in: emails },
        status: 'sent',
      });
      widest = Math.max(widest, captured - recorded);
      samples += 1;
      if (recorded >= emails.length) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(samples).toBeGreaterThan(10);
    expect(widest).toBeLessThanOrEqual(12);
    expectEachOnce(await received(subject), emails);
    await waitForStatus(id, 'sent');
  }, 120_000);

  it('gives each email its own signed unsubscribe link and headers, the Message-ID its record names, and a message-centre record under its dedupe key', async () => {
    const { emails, audience } = await segmentOf(4);
    const subject = `Batch test ${randomBytes(3).toString('hex')}`;
    const id = await createCampaign(audience, subject);
    await calls.call('sendCampaignNow', { id }, admin);
    await waitForStatus(id, 'sent');
    const sent = await received(subject);
    expectEachOnce(sent, emails);

    const { Subscriber, Message } = await notificationModelsForTest();
    const { subscriberIdOfUnsubscribeToken } =
      await import('../src/cells/notification/subscribers');
    const tokens = new Set<string>();
    for (const email of sent) {
      const subscriber = await Subscriber.findOne({ email: email.to[0] }).lean();
      const subscriberId = subscriber!._id.toString();
      // RFC 8058 headers, the template's header, and the visible link with the same token.
      expect(email.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      expect(email.headers['x-shop-template']).toBe('campaign');
      const oneClick = /<([^>]+)>/.exec(email.headers['list-unsubscribe'] ?? '')?.[1];
      const token = new URL(oneClick!).searchParams.get('token')!;
      expect(subscriberIdOfUnsubscribeToken(token)).toBe(subscriberId);
      expect(email.text).toContain(`/unsubscribe?token=${encodeURIComponent(token)}`);
      expect(email.html).toContain(`/unsubscribe?token=${encodeURIComponent(token)}`);
      expect(email.text).not.toMatch(/unsubscribetoken[0-9a-f]{32}/);
      tokens.add(token);

      const message = await Message.findOne({
        template: 'campaign',
        dedupeKey: `campaign:${id}:${subscriberId}`,
      }).lean();
      expect(message).toMatchObject({
        status: 'sent',
        kind: 'marketing',
        to: email.to[0],
        subject,
        attempts: 1,
        sendingUntil: null,
      });
      expect(message!.providerMessageId).toBe(email.headers['message-id']);
      expect(message!.attemptLog.map((entry) => entry.outcome)).toEqual(['sent']);
    }
    expect(tokens.size).toBe(4);
  }, 60_000);

  it("sends nothing to a recipient already sent to, waits for another sender's lease, skips one who unsubscribed, and suppresses a hard bounce", async () => {
    const { emails, audience } = await segmentOf(5);
    const subject = `Guard test ${randomBytes(3).toString('hex')}`;
    const id = await createCampaign(audience, subject);
    const { Subscriber, Message, Suppression } = await notificationModelsForTest();
    const ids: string[] = [];
    for (const email of emails) {
      ids.push((await Subscriber.findOne({ email }).lean())!._id.toString());
    }
    const key = (at: number) => `campaign:${id}:${ids[at]}`;
    const base = { template: 'campaign', kind: 'marketing' as const, subject, attempts: 1 };
    // 0: an earlier attempt sent it (and died before recording the delivery).
    await Message.create({ ...base, dedupeKey: key(0), to: emails[0], status: 'sent' });
    // 2: another sender holds it for 1.5 s more.
    const leaseEnds = Date.now() + 1_500;
    await Message.create({
      ...base,
      dedupeKey: key(2),
      to: emails[2],
      status: 'queued',
      sendingUntil: new Date(leaseEnds),
      sendingBy: 'another-sender',
    });
    // 3: unsubscribed before the send.
    await Subscriber.updateOne({ email: emails[3] }, { $set: { status: 'unsubscribed' } });
    // 1 is the first this batch sends: its mailbox does not exist.
    capture.rejectNext({ code: 550, message: '5.1.1 No such mailbox here', at: 'rcpt' });

    await calls.call('sendCampaignNow', { id }, admin);
    const done = await waitForStatus(id, 'sent');
    const got = await received(subject);
    expectEachOnce(got, [emails[2]!, emails[4]!]);
    const leased = got.find((email) => email.to.includes(emails[2]!))!;
    expect(Date.parse(leased.receivedAt)).toBeGreaterThanOrEqual(leaseEnds - 50);
    expect(done.counts).toMatchObject({ audience: 4, sent: 3, failed: 1, skipped: 0 });

    expect(await Suppression.findOne({ email: emails[1] }).lean()).toMatchObject({
      reason: 'hard-bounce',
    });
    expect(await Message.findOne({ template: 'campaign', dedupeKey: key(1) }).lean()).toMatchObject(
      { status: 'bounced' },
    );
    expect(await Message.countDocuments({ template: 'campaign', dedupeKey: key(3) })).toBe(0);
    expect(await Message.countDocuments({ template: 'campaign', dedupeKey: key(0) })).toBe(1);
  }, 60_000);

  it('pauses after the batch being sent and resumes where it stopped, each recipient once', async () => {
    const { emails, audience } = await segmentOf(60);
    const subject = `Pause test ${randomBytes(3).toString('hex')}`;
    const id = await createCampaign(audience, subject);
    await calls.call('sendCampaignNow', { id }, admin);
    await waitFor(async () => (await received(subject)).length >= 5, { what: '5 sent' });

    const paused = await calls.call('pauseCampaign', { id }, admin);
    expect(paused.status).toBe(200);
    expect(dataOf<CampaignState>(paused).status).toBe('paused');
    // A repeat is harmless.
    expect((await calls.call('pauseCampaign', { id }, admin)).status).toBe(200);

    // The batch being sent (40 at most) finishes; then nothing more (waited for until two reads
    // 2 s apart agree, as a loaded machine sends the batch's rest slower than the rate).
    let whilePaused = -1;
    await waitFor(
      async () => {
        const before = (await received(subject)).length;
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        whilePaused = (await received(subject)).length;
        return whilePaused === before;
      },
      { what: 'the batch being sent to finish', timeoutMs: 30_000 },
    );
    expect(whilePaused).toBeLessThanOrEqual(40);
    expect(whilePaused).toBeLessThan(60);
    expect((await campaign(id)).status).toBe('paused');

    expect((await calls.call('resumeCampaign', { id }, admin)).status).toBe(200);
    const done = await waitForStatus(id, 'sent');
    expectEachOnce(await received(subject), emails);
    expect(done.counts.sent).toBe(60);
  }, 60_000);

  it('waits for its time, goes only at the new time when moved, and never goes when cancelled', async () => {
    const moved = await segmentOf(3);
    const movedSubject = `Schedule test ${randomBytes(3).toString('hex')}`;
    const movedId = await createCampaign(moved.audience, movedSubject);
    const first = new Date(Date.now() + 2_000).toISOString();
    expect(
      (await calls.call('scheduleCampaign', { id: movedId, sendAt: first }, admin)).status,
    ).toBe(200);
    const later = Date.now() + 5_000;
    const rescheduled = await calls.call(
      'scheduleCampaign',
      { id: movedId, sendAt: new Date(later).toISOString() },
      admin,
    );
    expect(dataOf<{ status: string; sendAt: string }>(rescheduled)).toMatchObject({
      status: 'scheduled',
    });

    const cancelled = await segmentOf(3);
    const cancelledSubject = `Cancel test ${randomBytes(3).toString('hex')}`;
    const cancelledId = await createCampaign(cancelled.audience, cancelledSubject);
    await calls.call(
      'scheduleCampaign',
      { id: cancelledId, sendAt: new Date(Date.now() + 2_000).toISOString() },
      admin,
    );
    const cancel = await calls.call('cancelCampaign', { id: cancelledId }, admin);
    expect(dataOf<CampaignState>(cancel).status).toBe('cancelled');
    // Cancelled is final: it cannot be scheduled, sent or changed again.
    expect((await calls.call('sendCampaignNow', { id: cancelledId }, admin)).status).toBe(409);

    // Past the first time: nothing yet.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect(await received(movedSubject)).toEqual([]);
    expect((await campaign(movedId)).status).toBe('scheduled');

    await waitForStatus(movedId, 'sent');
    const sent = await received(movedSubject);
    expectEachOnce(sent, moved.emails);
    expect(Math.min(...sent.map((email) => Date.parse(email.receivedAt)))).toBeGreaterThanOrEqual(
      later - 50,
    );
    expect(await received(cancelledSubject)).toEqual([]);
    expect((await campaign(cancelledId)).status).toBe('cancelled');
  }, 60_000);

  it('counts a later bounce and a complaint about its messages on the campaign, once each', async () => {
    const { emails, audience } = await segmentOf(3);
    const subject = `Report test ${randomBytes(3).toString('hex')}`;
    const id = await createCampaign(audience, subject);
    await calls.call('sendCampaignNow', { id }, admin);
    await waitForStatus(id, 'sent');
    const { Message } = await notificationModelsForTest();
    const messages = await Message.find({ template: 'campaign', to: { $in: emails } }).lean();
    const { suppress } = await import('../src/cells/notification/suppression');
    await suppress({
      email: messages[0]!.to,
      reason: 'hard-bounce',
      source: 'provider-report',
      messageId: messages[0]!.providerMessageId!,
    });
    // Reported twice: counted once.
    for (let repeat = 0; repeat < 2; repeat += 1) {
      await suppress({
        email: messages[1]!.to,
        reason: 'complaint',
        source: 'provider-report',
        messageId: messages[1]!.providerMessageId!,
      });
    }
    expect((await campaign(id)).counts).toMatchObject({ sent: 3, bounced: 1, complained: 1 });
  }, 60_000);
});
