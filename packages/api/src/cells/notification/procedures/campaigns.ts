import { isDuplicateKeyError } from '@shop/db/claims';
import { TRPCError } from '@trpc/server';
import type { CampaignStatus } from '@shop/db/notification';
import { Types } from 'mongoose';
import { inngestFor } from '../../../events/inngest-client';
import type { StaffArgs } from '../../../trpc/context';
import { audienceCount } from '../campaigns/audience';
import { campaignIdFor, isSameContent } from '../campaigns/campaign-identity';
import {
  isEditable,
  toCampaignSummaryView,
  toCampaignView,
  type StoredCampaign,
} from '../campaigns/campaign-records';
import { campaignSendRequested } from '../campaigns/events';
import type {
  AudienceSizeInput,
  CampaignIdInput,
  CreateCampaignInput,
  GetCampaignInput,
  ListCampaignsInput,
  PreviewCampaignInput,
  ScheduleCampaignInput,
  UpdateCampaignInput,
} from '../campaigns/inputs';
import { productCardsFor } from '../campaigns/product-cards';
import type { CampaignPage, CampaignPreviewView, CampaignView } from '../campaigns/views';
import { notificationDatabase } from '../database';
import { mailConfig } from '../mail-config';
import { RetryableSendError, sendTemplate } from '../send-email';
import { campaignEmail, campaignTestEmail } from '../templates/campaign';
import { renderEmail } from '../templates/render-email';

const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'No such campaign' });
const conflict = (message: string) => new TRPCError({ code: 'CONFLICT', message });

async function load(id: string): Promise<StoredCampaign> {
  const { Campaign } = await notificationDatabase.models();
  const campaign = await Campaign.findById(id).lean<StoredCampaign>();
  if (!campaign) throw notFound();
  return campaign;
}

/** What the audit log keeps of a campaign: what staff chose, not the blocks' full text. */
function audited(campaign: StoredCampaign) {
  return {
    name: campaign.name,
    subject: campaign.subject,
    language: campaign.language,
    blocks: campaign.blocks.length,
    audience: campaign.audience,
    status: campaign.status,
    sendAt: campaign.sendAt?.toISOString() ?? null,
  };
}

/**
 * Moves the campaign from one of `from` to `to` (with `set`), atomically; on success the audit
 * log gets before and after. Returns the new view, or null when the campaign was not in `from`.
 */
async function transition(
  ctx: StaffArgs<unknown>['ctx'],
  campaign: StoredCampaign,
  from: readonly CampaignStatus[],
  set: Record<string, unknown>,
  { bump = false }: { bump?: boolean } = {},
): Promise<StoredCampaign | null> {
  const { Campaign } = await notificationDatabase.models();
  const after = await Campaign.findOneAndUpdate(
    { _id: campaign._id, status: { $in: from }, generation: campaign.generation },
    {
      $set: { ...set, updatedBy: ctx.identity.accountId },
      ...(bump && { $inc: { generation: 1 } }),
    },
    { returnDocument: 'after' },
  ).lean<StoredCampaign>();
  if (!after) return null;
  ctx.audit.record({
    object: { type: 'campaign', id: campaign._id.toString() },
    before: audited(campaign),
    after: audited(after),
  });
  return after;
}

async function requestSend(campaign: StoredCampaign, sendAt?: Date) {
  await inngestFor('notification').send({
    // One event per generation: a retried call does not start a second run.
    id: `campaign-send:${campaign._id.toString()}:${campaign.generation}`,
    name: campaignSendRequested.name,
    data: campaignSendRequested.schema.parse({
      campaignId: campaign._id.toString(),
      generation: campaign.generation,
      ...(sendAt && sendAt.getTime() > Date.now() && { sendAt: sendAt.toISOString() }),
    }),
  });
}

/** Staff: campaigns, newest first, 20 a page by default. */
export async function listCampaigns({
  input,
}: StaffArgs<ListCampaignsInput>): Promise<CampaignPage> {
  const { Campaign } = await notificationDatabase.models();
  const rows = await Campaign.find({
    ...(input.status && { status: input.status }),
    ...(input.cursor && { _id: { $lt: new Types.ObjectId(input.cursor) } }),
  })
    .sort({ _id: -1 })
    .limit(input.limit + 1)
    .lean<StoredCampaign[]>();
  const items = rows.slice(0, input.limit);
  return {
    items: items.map(toCampaignSummaryView),
    nextCursor: rows.length > input.limit ? (items.at(-1)?._id.toString() ?? null) : null,
  };
}

/** Staff: one campaign with its content and progress. */
export async function getCampaign({ input }: StaffArgs<GetCampaignInput>): Promise<CampaignView> {
  return toCampaignView(await load(input.id));
}

/**
 * Staff: a new draft (audited). Its `_id` is derived from (staff account, idempotency key), so
 * a retried create returns the draft the first one made (the duplicate `_id` is refused by the
 * database, the stand-in included); the same key with other content is a 409, as with refunds.
 */
export async function createCampaign({
  ctx,
  input,
}: StaffArgs<CreateCampaignInput>): Promise<CampaignView> {
  const { Campaign } = await notificationDatabase.models();
  const { idempotencyKey, ...content } = input;
  const _id = campaignIdFor(ctx.identity.accountId, idempotencyKey);
  const replay = async () => {
    const earlier = await Campaign.findById(_id).lean<StoredCampaign>();
    if (!earlier) return null;
    if (!isSameContent(earlier, content)) {
      throw conflict(
        'This idempotency key was used for a campaign with other content; use a new key for a new campaign',
      );
    }
    ctx.audit.unchanged();
    return toCampaignView(earlier);
  };
  const earlier = await replay();
  if (earlier) return earlier;
  let campaign: StoredCampaign;
  try {
    const created = await Campaign.create({
      _id,
      ...content,
      preheader: content.preheader || null,
      status: 'draft',
      createdBy: ctx.identity.accountId,
      updatedBy: ctx.identity.accountId,
    });
    campaign = created.toObject() as StoredCampaign;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    // A concurrent retry with the same key made it first.
    const winner = await replay();
    if (!winner) throw error;
    return winner;
  }
  ctx.audit.record({
    object: { type: 'campaign', id: campaign._id.toString() },
    before: null,
    after: audited(campaign),
  });
  return toCampaignView(campaign);
}

/** Staff: new content or audience, only while draft or scheduled (audited). */
export async function updateCampaign({
  ctx,
  input,
}: StaffArgs<UpdateCampaignInput>): Promise<CampaignView> {
  const { id, ...content } = input;
  const campaign = await load(id);
  if (!isEditable(campaign.status)) throw conflict(`A ${campaign.status} campaign cannot change`);
  const after = await transition(ctx, campaign, ['draft', 'scheduled'], {
    ...content,
    preheader: content.preheader || null,
  });
  if (!after) throw conflict('The campaign changed meanwhile; reload it');
  return toCampaignView(after);
}

async function renderFor(
  content: Pick<PreviewCampaignInput, 'subject' | 'preheader' | 'blocks'>,
  template: typeof campaignEmail,
  test: boolean,
) {
  const { storefrontUrl } = mailConfig();
  const products = await productCardsFor(content.blocks, storefrontUrl);
  return {
    props: {
      subject: content.subject,
      preheader: content.preheader || null,
      blocks: content.blocks,
      products,
      test,
    },
    storefrontUrl,
    template,
  };
}

/** Staff: unsaved content as a subscriber would get it (a sample unsubscribe link). */
export async function previewCampaign({
  input,
}: StaffArgs<PreviewCampaignInput>): Promise<CampaignPreviewView> {
  const { props, storefrontUrl, template } = await renderFor(input, campaignEmail, false);
  const rendered = await renderEmail(template, props, {
    storefrontUrl,
    // A sample: the real link is signed per recipient when the campaign is sent.
    unsubscribeUrl: `${storefrontUrl}/unsubscribe?token=preview`,
  });
  return { subject: rendered.subject, html: rendered.html, text: rendered.text };
}

/** Staff: how many would get it now (confirmed subscribers in the segment, not suppressed). */
export async function audienceSize({
  input,
}: StaffArgs<AudienceSizeInput>): Promise<{ count: number }> {
  return { count: await audienceCount(input.audience) };
}

/**
 * Staff: the campaign to the signed-in staff member's own address, marked as a test. There is no
 * address in the input: a test can reach nobody else. A repeat within 10 s sends nothing more.
 */
export async function sendCampaignTest({
  ctx,
  input,
}: StaffArgs<CampaignIdInput>): Promise<{ sentTo: string }> {
  const campaign = await load(input.id);
  const to = ctx.identity.email;
  const { props } = await renderFor(
    {
      subject: campaign.subject,
      preheader: campaign.preheader ?? undefined,
      blocks: campaign.blocks as PreviewCampaignInput['blocks'],
    },
    campaignTestEmail,
    true,
  );
  try {
    await sendTemplate(campaignTestEmail, {
      to,
      props,
      dedupeKey: `campaign-test:${input.id}:${ctx.identity.accountId}:${Math.floor(Date.now() / 10_000)}`,
      accountId: ctx.identity.accountId,
      language: campaign.language,
    });
  } catch (error) {
    if (error instanceof RetryableSendError)
      throw new TRPCError({
        code: 'SERVICE_UNAVAILABLE',
        message: 'The mail server is busy; try again',
      });
    throw error;
  }
  const { Campaign } = await notificationDatabase.models();
  await Campaign.updateOne({ _id: campaign._id }, { $set: { lastTestSentAt: new Date() } });
  ctx.audit.record({
    object: { type: 'campaign', id: input.id },
    before: null,
    after: { testSentTo: to },
  });
  return { sentTo: to };
}

/** Staff: send at `sendAt` (a past time: now); again to move it (audited). */
export async function scheduleCampaign({
  ctx,
  input,
}: StaffArgs<ScheduleCampaignInput>): Promise<CampaignView> {
  const campaign = await load(input.id);
  const sendAt = new Date(input.sendAt);
  if (campaign.status === 'scheduled' && campaign.sendAt?.getTime() === sendAt.getTime()) {
    ctx.audit.unchanged();
    return toCampaignView(campaign);
  }
  if (!isEditable(campaign.status))
    throw conflict(`A ${campaign.status} campaign cannot be scheduled`);
  const after = await transition(
    ctx,
    campaign,
    ['draft', 'scheduled'],
    { status: 'scheduled', sendAt },
    { bump: true },
  );
  if (!after) throw conflict('The campaign changed meanwhile; reload it');
  await requestSend(after, sendAt);
  return toCampaignView(after);
}

/** Staff: send now (audited); a repeat while it is sending changes nothing. */
export async function sendCampaignNow({
  ctx,
  input,
}: StaffArgs<CampaignIdInput>): Promise<CampaignView> {
  const campaign = await load(input.id);
  if (campaign.status === 'sending') {
    ctx.audit.unchanged();
    return toCampaignView(campaign);
  }
  if (!isEditable(campaign.status)) throw conflict(`A ${campaign.status} campaign cannot be sent`);
  const after = await transition(
    ctx,
    campaign,
    ['draft', 'scheduled'],
    { status: 'scheduled', sendAt: new Date() },
    { bump: true },
  );
  if (!after) throw conflict('The campaign changed meanwhile; reload it');
  await requestSend(after);
  return toCampaignView(after);
}

/** Staff: stop after the batch being sent (audited); pausing a paused campaign changes nothing. */
export async function pauseCampaign({
  ctx,
  input,
}: StaffArgs<CampaignIdInput>): Promise<CampaignView> {
  const campaign = await load(input.id);
  if (campaign.status === 'paused') {
    ctx.audit.unchanged();
    return toCampaignView(campaign);
  }
  const after = await transition(ctx, campaign, ['sending', 'scheduled'], {
    status: 'paused',
    pausedAt: new Date(),
  });
  if (!after) throw conflict(`A ${campaign.status} campaign cannot be paused`);
  return toCampaignView(after);
}

/** Staff: go on where it stopped (audited); resuming a sending campaign changes nothing. */
export async function resumeCampaign({
  ctx,
  input,
}: StaffArgs<CampaignIdInput>): Promise<CampaignView> {
  const campaign = await load(input.id);
  if (campaign.status === 'sending') {
    ctx.audit.unchanged();
    return toCampaignView(campaign);
  }
  // Never started (paused while scheduled): it starts now, as `scheduled`.
  const after = await transition(
    ctx,
    campaign,
    ['paused'],
    { status: campaign.startedAt ? 'sending' : 'scheduled', pausedAt: null, lastError: null },
    { bump: true },
  );
  if (!after) throw conflict(`A ${campaign.status} campaign cannot be resumed`);
  await requestSend(after);
  return toCampaignView(after);
}

/** Staff: stop for good, before it finished (audited); cancelling twice changes nothing. */
export async function cancelCampaign({
  ctx,
  input,
}: StaffArgs<CampaignIdInput>): Promise<CampaignView> {
  const campaign = await load(input.id);
  if (campaign.status === 'cancelled') {
    ctx.audit.unchanged();
    return toCampaignView(campaign);
  }
  const after = await transition(
    ctx,
    campaign,
    ['draft', 'scheduled', 'sending', 'paused'],
    { status: 'cancelled', cancelledAt: new Date() },
    { bump: true },
  );
  if (!after) throw conflict(`A ${campaign.status} campaign cannot be cancelled`);
  return toCampaignView(after);
}
