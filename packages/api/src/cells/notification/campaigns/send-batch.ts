import { NonRetriableError } from 'inngest';
import type { Types } from 'mongoose';
import { notificationDatabase } from '../database';
import { mailConfig } from '../mail-config';
import { RetryableSendError } from '../send-email';
import { recordSmtpFailure } from '../smtp-failure';
import { smtpTransport } from '../smtp-transport';
import { recipientPage } from './audience';
import {
  claimDeliveries,
  recordDeliveries,
  type ClaimedRecipient,
  type DeliveryOutcome,
} from './batch-deliveries';
import {
  campaignMessageId,
  leaseMessages,
  messagesFor,
  recordSentMessages,
  releaseLeases,
} from './batch-messages';
import { campaignDedupeKey, type BatchRange } from './batch-range';
import { renderCampaignOnce, type RenderedCampaign } from './batch-render';
import type { StoredCampaign } from './campaign-records';
import type { CampaignBlock } from './inputs';
import { pacer } from './pacer';
import { sendPaced } from './paced-sends';
import { productCardsFor } from './product-cards';
import { campaignBatchSize, campaignSendConfig } from './send-config';

/**
 * One batch of a campaign's send, run as one durable step, for the whole page of recipients at
 * once (a fixed number of database round trips per batch, not per email):
 *
 * 1. CLAIM every recipient's delivery record (`claimDeliveries`): one already `sent`, `failed` or
 *    `skipped` is passed over, so nothing is sent twice.
 * 2. MESSAGE records (`messagesFor`), one per recipient under the dedupe key
 *    `campaign:<campaign>:<subscriber>`; one already `sent` (an attempt that died after sending)
 *    is only recorded, one `failed` likewise.
 * 3. LEASE the queued ones for this batch (`leaseMessages`): a message another sender holds is
 *    left to it, and this step is retried once the rest are done.
 * 4. SEND each at the pacer's rate, a few at once over the pooled SMTP connections, rendered once
 *    for the batch with each recipient's own unsubscribe link and RFC 8058 headers
 *    (`renderCampaignOnce`). Consent and suppression are those of the page (`recipientPage`,
 *    read at the start of this batch: about two seconds of sending before the last email).
 * 5. RECORD as sends finish (group commit): one write of what has finished runs beside the
 *    sending, and what finishes meanwhile goes in the next: messages sent, deliveries done and
 *    counted once (only deliveries still `claimed` change), the campaign's counts.
 *
 * A crash or a throw re-runs the batch (the step is retried, or a resumed run starts again at
 * the stored cursor): recorded recipients are passed over at 1 or 2; a recipient whose email
 * went but was not recorded is still leased, so the retry waits for the lease to run out and then
 * sends it again. That window is what finished during one record's round trip plus what is in
 * flight: one or two emails at a low rate, more at a high rate on a slow database, never more than
 * `recordAtMost` plus those in flight (sending waits for the record beyond that);
 * docs/notifications.md. A transient SMTP refusal stops the
 * batch: what was sent is recorded, untried leases are given back, and the step is retried.
 */

export interface BatchResult {
  state: 'more' | 'done' | 'stopped';
  /** Why it stopped: `paused`, `cancelled`, `superseded` (a newer run), `missing`. */
  reason?: string;
  sent: number;
  failed: number;
  skipped: number;
}

/**
 * The most outcomes left unrecorded while a record runs: sending waits for it beyond this, which
 * bounds how many sent emails a crash can leave unrecorded when the database is slow.
 */
export const recordAtMost = 50;
/**
 * Sends at once: one connection per 50 emails/s of the rate, at most the SMTP pool's 5
 * (smtp-transport.ts). One connection keeps up with a low rate; more would only let emails
 * arrive bunched.
 */
export function sendConcurrency(rate: number): number {
  return Math.min(5, Math.max(1, Math.floor(rate / 50)));
}

/** Recounts sent, failed and skipped from the delivery records (exact; used when finishing). */
async function recount(campaignId: string) {
  const { CampaignDelivery } = await notificationDatabase.models();
  const [sent, failed, skipped] = await Promise.all(
    (['sent', 'failed', 'skipped'] as const).map((status) =>
      CampaignDelivery.countDocuments({ campaignId, status }),
    ),
  );
  return { sent: sent!, failed: failed!, skipped: skipped! };
}

interface ToSend {
  recipient: ClaimedRecipient;
  messageId: Types.ObjectId;
  /** Only for an older Message record that lacks it. */
  missingProviderMessageId: boolean;
}

/**
 * Collects outcomes as sends finish and writes them down in groups (group commit): `recordSoon`
 * starts a write of everything finished so far unless one is running; what finishes during it is
 * written by the next. So at a low rate each email is written down alone, and at a high rate the
 * writes batch themselves by how long one takes. `flush` waits for the running write and writes
 * the rest; a failed background write is thrown by the next `recordSoon` or `flush`.
 */
function batchRecorder(campaign: StoredCampaign, range: BatchRange, leaseToken: string) {
  const tally = { sent: 0, failed: 0, skipped: 0 };
  let deliveries: DeliveryOutcome[] = [];
  let sentMessages: Parameters<typeof recordSentMessages>[2][number][] = [];
  let running: Promise<void> | null = null;
  let failure: unknown = null;
  async function write() {
    const [messages, outcomes] = [sentMessages, deliveries];
    sentMessages = [];
    deliveries = [];
    // Messages first: a delivery is `sent` only once its Message says so.
    await recordSentMessages(range, leaseToken, messages);
    if (outcomes.length === 0) return;
    const counted = await recordDeliveries(range, outcomes);
    tally.sent += counted.sent;
    tally.failed += counted.failed;
    tally.skipped += counted.skipped;
    const { Campaign } = await notificationDatabase.models();
    await Campaign.updateOne(
      { _id: campaign._id, generation: campaign.generation },
      {
        $inc: {
          'counts.sent': counted.sent,
          'counts.failed': counted.failed,
          'counts.skipped': counted.skipped,
        },
      },
    );
  }
  const pending = () => deliveries.length + sentMessages.length;
  function start() {
    running = write()
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }
  function rethrow() {
    if (failure) throw failure;
  }
  return {
    tally,
    delivery(outcome: DeliveryOutcome) {
      deliveries.push(outcome);
    },
    sentMessage(message: Parameters<typeof recordSentMessages>[2][number]) {
      sentMessages.push(message);
    },
    /** Starts a write if none runs; waits for the running one when too much is unrecorded. */
    async recordSoon() {
      rethrow();
      if (running) {
        if (pending() >= recordAtMost) await running;
        else return;
      }
      rethrow();
      if (pending() > 0) void start();
    },
    /** Everything finished so far, written down. */
    async flush() {
      if (running) await running;
      rethrow();
      if (pending() > 0) await start();
      rethrow();
    },
  };
}

/** Sends the leased messages, paced; records as it goes; throws on a transient SMTP failure. */
async function sendLeased(
  smtpUrl: string,
  campaign: StoredCampaign,
  email: RenderedCampaign,
  toSend: readonly ToSend[],
  recorder: ReturnType<typeof batchRecorder>,
  release: (ids: Types.ObjectId[]) => Promise<void>,
) {
  const config = mailConfig();
  const transport = await smtpTransport(smtpUrl);
  const campaignId = campaign._id.toString();
  // Set by a send whose failure is transient: no new send starts, and the step is retried.
  const stop: { transient: Error | null } = { transient: null };
  const rate = campaignSendConfig().CAMPAIGN_SEND_RATE;
  const pace = pacer(rate);
  const untried = await sendPaced(toSend, {
    pace: () => pace.next(),
    concurrency: sendConcurrency(rate),
    stopped: () => stop.transient !== null,
    // A record that failed stops the sending like a transient refusal: the step is retried.
    between: () =>
      recorder.recordSoon().catch((error: unknown) => {
        stop.transient ??= error instanceof Error ? error : new Error(String(error));
      }),
    send: async ({ recipient, messageId, missingProviderMessageId }) => {
      const copy = email.forSubscriber(recipient.subscriberId);
      const providerMessageId = campaignMessageId(
        campaignDedupeKey(campaignId, recipient.subscriberId),
      );
      try {
        const info = await transport.sendMail({
          from: config.from,
          to: recipient.email,
          subject: email.subject,
          html: copy.html,
          text: copy.text,
          messageId: providerMessageId,
          headers: { 'X-Shop-Template': 'campaign', ...copy.headers },
        });
        recorder.sentMessage({
          id: messageId,
          response: typeof info.response === 'string' ? info.response.slice(0, 500) : null,
          providerMessageId: missingProviderMessageId ? providerMessageId : null,
        });
        recorder.delivery({
          subscriberId: recipient.subscriberId,
          status: 'sent',
          messageId: messageId.toString(),
          deliveryMessageId: recipient.deliveryMessageId,
        });
      } catch (error) {
        try {
          const failure = await recordSmtpFailure(error, { _id: messageId, to: recipient.email });
          if (failure instanceof NonRetriableError) {
            // Permanent (a refused address, a hard bounce): this one is done, the batch goes on.
            recorder.delivery({
              subscriberId: recipient.subscriberId,
              status: 'failed',
              messageId: messageId.toString(),
              deliveryMessageId: recipient.deliveryMessageId,
              detail: failure.message,
            });
          } else stop.transient ??= failure;
        } catch (recording) {
          stop.transient ??= recording instanceof Error ? recording : new Error(String(recording));
        }
      }
    },
  });
  if (stop.transient) {
    // What went is recorded, what was not tried is free again; the step is retried.
    await recorder.flush();
    await release(untried.map((item) => item.messageId));
    throw stop.transient;
  }
}

/** Sends the campaign's next batch, if it is still `sending` at this generation. */
export async function sendCampaignBatch(
  campaignId: string,
  generation: number,
): Promise<BatchResult> {
  const { Campaign } = await notificationDatabase.models();
  const none = { sent: 0, failed: 0, skipped: 0 };
  const campaign = await Campaign.findById(campaignId).lean<StoredCampaign>();
  if (!campaign) return { state: 'stopped', reason: 'missing', ...none };
  if (campaign.generation !== generation)
    return { state: 'stopped', reason: 'superseded', ...none };
  if (campaign.status !== 'sending') return { state: 'stopped', reason: campaign.status, ...none };

  const rate = campaignSendConfig().CAMPAIGN_SEND_RATE;
  const page = await recipientPage(campaign.audience as never, {
    afterId: campaign.cursor ?? null,
    before: campaign.startedAt ?? new Date(),
    limit: campaignBatchSize(rate),
  });
  const current = { _id: campaign._id, generation, status: 'sending' as const };
  if (!page.scanned) {
    const counts = await recount(campaignId);
    await Campaign.updateOne(current, {
      $set: {
        status: 'sent',
        finishedAt: new Date(),
        'counts.sent': counts.sent,
        'counts.failed': counts.failed,
        'counts.skipped': counts.skipped,
      },
    });
    return { state: 'done', ...none };
  }
  // Checked before anything is claimed or leased: the campaign pauses with this reason.
  const { smtpUrl } = mailConfig();
  if (!smtpUrl) throw new NonRetriableError('SMTP_URL is not configured');
  const range: BatchRange = { campaignId, afterId: campaign.cursor ?? null, lastId: page.scanned };

  const claimed = await claimDeliveries(range, page.recipients);
  const products = await productCardsFor(
    campaign.blocks as CampaignBlock[],
    mailConfig().storefrontUrl,
  );
  const email = await renderCampaignOnce(campaign, products);
  const messages = await messagesFor(range, claimed, email.subject);
  const queued: ToSend[] = [];
  const settled: DeliveryOutcome[] = [];
  for (const recipient of claimed) {
    const message = messages.get(recipient.subscriberId)!;
    const messageId = message._id.toString();
    const { subscriberId, deliveryMessageId } = recipient;
    if (message.status === 'queued') {
      queued.push({
        recipient,
        messageId: message._id,
        missingProviderMessageId: !message.providerMessageId,
      });
    } else if (message.status === 'sent') {
      // An earlier attempt sent it and died before recording the delivery.
      settled.push({ subscriberId, status: 'sent', messageId, deliveryMessageId });
    } else {
      settled.push({
        subscriberId,
        status: 'failed',
        messageId,
        deliveryMessageId,
        detail: `message ${message.status}`,
      });
    }
  }
  const lease = await leaseMessages(
    range,
    queued.map((item) => item.messageId),
  );
  const recorder = batchRecorder(campaign, range, lease.token);
  for (const outcome of settled) recorder.delivery(outcome);
  const toSend = queued.filter((item) => lease.leased.has(item.messageId.toString()));
  await sendLeased(smtpUrl, campaign, email, toSend, recorder, (ids) =>
    releaseLeases(range, lease.token, ids),
  );
  await recorder.flush();
  const busy = queued.length - toSend.length;
  if (busy > 0) {
    // Held by another sender (or one that died, until its lease runs out): try again shortly.
    throw new RetryableSendError(`${busy} of this batch's messages are being sent by another run`);
  }
  // The next batch starts after this page.
  await Campaign.updateOne({ _id: campaign._id, generation }, { $set: { cursor: page.scanned } });
  return { state: 'more', ...recorder.tally };
}
