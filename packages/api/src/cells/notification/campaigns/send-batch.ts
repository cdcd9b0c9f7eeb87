import { NonRetriableError } from 'inngest';
import type { CampaignDeliveryStatus } from '@shop/db/notification';
import { notificationDatabase } from '../database';
import { mailConfig } from '../mail-config';
import { sendTemplate } from '../send-email';
import { campaignEmail } from '../templates/campaign';
import { recipientPage, type Recipient } from './audience';
import type { StoredCampaign } from './campaign-records';
import type { CampaignBlock } from './inputs';
import { pacer } from './pacer';
import { productCardsFor, type ProductCard } from './product-cards';
import { campaignBatchSize, campaignSendConfig } from './send-config';

/**
 * One batch of a campaign's send, run as one durable step. Per recipient, in this order:
 *
 * 1. CLAIM: insert the delivery record (unique on campaign + subscriber). A recipient already
 *    recorded `sent`, `failed` or `skipped` is passed over: nothing is sent twice.
 * 2. SEND through the one send path (`sendTemplate`: consent, suppression, List-Unsubscribe),
 *    with the dedupe key `campaign:<campaign>:<subscriber>`. Its Message record is unique on that
 *    key and is leased while an attempt runs, so a second sender for the same recipient finds it
 *    `sent` (and sends nothing) or leased (and waits).
 * 3. RECORD the outcome on the delivery, only if it is still `claimed`, and count it then.
 *
 * A crash or a throw anywhere re-runs the whole batch (the step is retried, or a resumed run
 * starts again at the stored cursor): claimed-and-recorded recipients are skipped at 1; a
 * recipient left `claimed` goes on to 2, where the Message record says whether it already went.
 * The one window that can still give a second copy: the process dies after the SMTP server
 * accepted the message and before `markSent` wrote it down (SMTP has no idempotency key); the
 * lease (send-email.ts) then expires and the retry sends again. docs/notifications.md.
 */

export interface BatchResult {
  state: 'more' | 'done' | 'stopped';
  /** Why it stopped: `paused`, `cancelled`, `superseded` (a newer run), `missing`. */
  reason?: string;
  sent: number;
  failed: number;
  skipped: number;
}

type Counted = 'sent' | 'failed' | 'skipped' | 'already';

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}

/** Takes the recipient for this campaign; false when it already has an outcome. */
async function claim(campaignId: string, recipient: Recipient): Promise<boolean> {
  const { CampaignDelivery } = await notificationDatabase.models();
  const key = { campaignId, subscriberId: recipient.subscriberId };
  try {
    const result = await CampaignDelivery.updateOne(
      key,
      {
        $setOnInsert: { ...key, email: recipient.email, status: 'claimed', claimedAt: new Date() },
      },
      { upsert: true },
    );
    if (result.upsertedCount === 1) return true;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const existing = await CampaignDelivery.findOne(key, { status: 1 }).lean();
  // Still `claimed`: an earlier attempt died before recording; step 2 finds out what happened.
  return existing?.status === 'claimed';
}

/** Writes the outcome once; true if this call did (so it is counted once). */
async function record(
  campaignId: string,
  recipient: Recipient,
  status: Exclude<CampaignDeliveryStatus, 'claimed'>,
  details: { messageId?: string; detail?: string },
): Promise<boolean> {
  const { CampaignDelivery } = await notificationDatabase.models();
  const result = await CampaignDelivery.updateOne(
    { campaignId, subscriberId: recipient.subscriberId, status: 'claimed' },
    {
      $set: {
        status,
        doneAt: new Date(),
        messageId: details.messageId ?? null,
        detail: details.detail?.slice(0, 500) ?? null,
      },
    },
  );
  return result.modifiedCount === 1;
}

async function deliver(
  campaign: StoredCampaign,
  recipient: Recipient,
  products: Record<string, ProductCard>,
  wait: () => Promise<void>,
): Promise<Counted> {
  const campaignId = campaign._id.toString();
  if (!(await claim(campaignId, recipient))) return 'already';
  await wait();
  try {
    const outcome = await sendTemplate(campaignEmail, {
      to: recipient.email,
      props: {
        subject: campaign.subject,
        preheader: campaign.preheader ?? null,
        blocks: campaign.blocks as CampaignBlock[],
        products,
        test: false,
      },
      dedupeKey: `campaign:${campaignId}:${recipient.subscriberId}`,
      language: campaign.language,
    });
    if (outcome.status === 'skipped') {
      // Consent withdrawn or suppressed since the page was read: nothing was sent.
      return (await record(campaignId, recipient, 'skipped', { detail: outcome.reason }))
        ? 'skipped'
        : 'already';
    }
    const status = outcome.status === 'sent' ? 'sent' : 'failed';
    return (await record(campaignId, recipient, status, { messageId: outcome.messageId }))
      ? status
      : 'already';
  } catch (error) {
    // Permanent (a refused address, a hard bounce): this recipient is done, the batch goes on.
    if (error instanceof NonRetriableError) {
      return (await record(campaignId, recipient, 'failed', { detail: error.message }))
        ? 'failed'
        : 'already';
    }
    // Transient (the mail server is away): the step is retried; the recipient stays claimed.
    throw error;
  }
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

/** Sends the campaign's next batch, if it is still `sending` at this generation. */
export async function sendCampaignBatch(
  campaignId: string,
  generation: number,
): Promise<BatchResult> {
  const { Campaign } = await notificationDatabase.models();
  const tally = { sent: 0, failed: 0, skipped: 0 };
  const campaign = await Campaign.findById(campaignId).lean<StoredCampaign>();
  if (!campaign) return { state: 'stopped', reason: 'missing', ...tally };
  if (campaign.generation !== generation)
    return { state: 'stopped', reason: 'superseded', ...tally };
  if (campaign.status !== 'sending') return { state: 'stopped', reason: campaign.status, ...tally };

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
    return { state: 'done', ...tally };
  }

  const products = await productCardsFor(
    campaign.blocks as CampaignBlock[],
    mailConfig().storefrontUrl,
  );
  const pace = pacer(rate);
  for (const recipient of page.recipients) {
    const counted = await deliver(campaign, recipient, products, () => pace.next());
    if (counted !== 'already') tally[counted] += 1;
  }
  // Progress per batch. A crash before this line loses these counts until the finish recounts.
  await Campaign.updateOne(
    { _id: campaign._id, generation },
    {
      $set: { cursor: page.scanned },
      $inc: {
        'counts.sent': tally.sent,
        'counts.failed': tally.failed,
        'counts.skipped': tally.skipped,
      },
    },
  );
  return { state: 'more', ...tally };
}
