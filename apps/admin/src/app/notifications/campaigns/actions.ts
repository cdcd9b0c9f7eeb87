'use server';

import { cellFailureOf } from '@shop/api/client';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { currentSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import {
  audienceDraftSchema,
  campaignDraftSchema,
  campaignIdSchema,
  contentDraftSchema,
} from './_components/campaign-draft-schema';
import { campaignStateFromError, type CampaignActionState } from './_components/campaign-errors';
import { audienceOf, campaignContentOf, campaignFieldsOf } from './_components/campaign-input';
import { shopTimeZone } from './_components/shop-time-zone';
import { instantOfWallClock } from './_components/zoned-time';

const signedOut: CampaignActionState = {
  status: 'error',
  message: 'Your session has ended. Sign in again.',
};
const unexpectedForm: CampaignActionState = {
  status: 'error',
  message: 'The form sent something unexpected. Reload the page.',
};

function refresh(id?: string) {
  revalidatePath('/notifications/campaigns');
  if (id) revalidatePath(`/notifications/campaigns/${id}`);
}

const saveRequest = z.strictObject({
  id: campaignIdSchema.optional(),
  /** A new campaign's: the same for a retry of the same draft, so it is created once. */
  idempotencyKey: z.uuid().optional(),
  draft: campaignDraftSchema,
});

/** Creates the campaign (once per idempotency key), or saves it while draft or scheduled. */
export async function saveCampaign(
  request: unknown,
): Promise<CampaignActionState & { id?: string }> {
  const session = await currentSession();
  if (!session) return signedOut;
  const parsed = saveRequest.safeParse(request);
  if (!parsed.success) return unexpectedForm;
  const fields = campaignFieldsOf(parsed.data.draft);
  if (!fields.ok) {
    return {
      status: 'error',
      message: 'Check the highlighted fields.',
      fieldErrors: fields.errors,
    };
  }
  const { id, idempotencyKey } = parsed.data;
  if (!id && !idempotencyKey) return unexpectedForm;
  try {
    const notification = cellsAs(session).notification;
    const saved = id
      ? await notification.updateCampaign.mutate({ id, ...fields.value })
      : await notification.createCampaign.mutate({
          ...fields.value,
          idempotencyKey: idempotencyKey!,
        });
    refresh(saved.id);
    return { status: 'success', message: `${saved.name} saved.`, id: saved.id };
  } catch (error) {
    return campaignStateFromError(error);
  }
}

/** The subject and plain text; the HTML goes straight into the preview frame (preview-frame/). */
export type PreviewAnswer =
  | { ok: true; subject: string; text: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string> };

/** The email as the cell renders it for a sample recipient, from unsaved content. */
export async function previewCampaign(draft: unknown): Promise<PreviewAnswer> {
  const session = await currentSession();
  if (!session) return { ok: false, message: signedOut.message! };
  const parsed = contentDraftSchema.safeParse(draft);
  if (!parsed.success) return { ok: false, message: unexpectedForm.message! };
  const content = campaignContentOf(parsed.data);
  if (!content.ok) {
    return {
      ok: false,
      message:
        'Fill in the subject and every block to see the preview (Save draft points at anything missing).',
      fieldErrors: content.errors,
    };
  }
  try {
    const preview = await cellsAs(session).notification.previewCampaign.mutate(content.value);
    return { ok: true, subject: preview.subject, text: preview.text };
  } catch (error) {
    const state = campaignStateFromError(error);
    return { ok: false, message: state.message ?? 'No preview.', fieldErrors: state.fieldErrors };
  }
}

export type AudienceAnswer = { ok: true; count: number } | { ok: false; message: string };

/** How many subscribers the audience holds right now (consented, not suppressed). */
export async function countAudience(audience: unknown): Promise<AudienceAnswer> {
  const session = await currentSession();
  if (!session) return { ok: false, message: signedOut.message! };
  const parsed = audienceDraftSchema.safeParse(audience);
  if (!parsed.success) return { ok: false, message: unexpectedForm.message! };
  const rule = audienceOf(parsed.data);
  if (!rule.ok)
    return { ok: false, message: Object.values(rule.errors)[0] ?? 'Finish the audience.' };
  try {
    const { count } = await cellsAs(session).notification.audienceSize.query({
      audience: rule.value,
    });
    return { ok: true, count };
  } catch (error) {
    return { ok: false, message: campaignStateFromError(error).message ?? 'No count.' };
  }
}

export type FoundProduct = { id: string; name: string; status: string };
export type ProductSearchAnswer =
  { ok: true; products: FoundProduct[] } | { ok: false; message: string };

/**
 * Catalogue products whose name, slug, brand or SKU contains `q` (the product cards' search). A
 * search that could not run says so: "no product matches" would send staff looking for a
 * product that exists.
 */
export async function findCampaignProducts(q: unknown): Promise<ProductSearchAnswer> {
  const session = await currentSession();
  if (!session) return { ok: false, message: signedOut.message! };
  const text = z.string().trim().min(1).max(100).safeParse(q);
  if (!text.success) return { ok: true, products: [] };
  try {
    const found = await cellsAs(session).product.adminList.query({ q: text.data, pageSize: 8 });
    return {
      ok: true,
      products: found.items.map(({ id, name, status }) => ({ id, name, status })),
    };
  } catch (error) {
    return {
      ok: false,
      message:
        cellFailureOf(error) === 'unavailable'
          ? 'The catalogue is not answering, so products cannot be found just now. Try again in a moment.'
          : 'Products cannot be found just now. Try again in a moment.',
    };
  }
}

/** A test of the saved campaign to the signed-in staff member's own address (the cell picks it). */
export async function sendCampaignTest(id: unknown): Promise<CampaignActionState> {
  const session = await currentSession();
  if (!session) return signedOut;
  const campaignId = campaignIdSchema.safeParse(id);
  if (!campaignId.success) return unexpectedForm;
  try {
    await cellsAs(session).notification.sendCampaignTest.mutate({ id: campaignId.data });
    refresh(campaignId.data);
    return { status: 'success', message: `Test sent to ${session.account.email}.` };
  } catch (error) {
    return campaignStateFromError(error);
  }
}

const scheduleRequest = z.strictObject({
  id: campaignIdSchema,
  /** The `datetime-local` input's value, read in the shop's time zone. */
  sendAt: z.string().max(40),
});

/** Schedules the saved campaign for a wall-clock time in the shop's time zone. */
export async function scheduleCampaign(request: unknown): Promise<CampaignActionState> {
  const session = await currentSession();
  if (!session) return signedOut;
  const parsed = scheduleRequest.safeParse(request);
  if (!parsed.success) return unexpectedForm;
  const timeZone = await shopTimeZone(session);
  const instant = instantOfWallClock(parsed.data.sendAt, timeZone);
  if (!instant) {
    return {
      status: 'error',
      message: 'Check the highlighted fields.',
      fieldErrors: { sendAt: 'Choose a date and a time.' },
    };
  }
  if (instant.getTime() < Date.now() - 60_000) {
    return {
      status: 'error',
      message: 'Check the highlighted fields.',
      fieldErrors: { sendAt: 'That time has passed. Choose a later one, or send now.' },
    };
  }
  try {
    await cellsAs(session).notification.scheduleCampaign.mutate({
      id: parsed.data.id,
      sendAt: instant.toISOString(),
    });
    refresh(parsed.data.id);
    return { status: 'success', message: 'Scheduled.' };
  } catch (error) {
    return campaignStateFromError(error);
  }
}

const controls = {
  sendNow: 'Sending has started.',
  pause: 'Paused. It stops after the batch being sent.',
  resume: 'Sending again from where it stopped.',
  cancel: 'Cancelled. Nothing more will be sent.',
} as const;
export type CampaignControl = keyof typeof controls;

/** Send now, pause, resume or cancel the campaign. */
export async function controlCampaign(
  id: unknown,
  control: CampaignControl,
): Promise<CampaignActionState> {
  const session = await currentSession();
  if (!session) return signedOut;
  const campaignId = campaignIdSchema.safeParse(id);
  if (!campaignId.success || !Object.hasOwn(controls, control)) return unexpectedForm;
  const notification = cellsAs(session).notification;
  const input = { id: campaignId.data };
  try {
    if (control === 'sendNow') await notification.sendCampaignNow.mutate(input);
    else if (control === 'pause') await notification.pauseCampaign.mutate(input);
    else if (control === 'resume') await notification.resumeCampaign.mutate(input);
    else await notification.cancelCampaign.mutate(input);
    refresh(campaignId.data);
    return { status: 'success', message: controls[control] };
  } catch (error) {
    return campaignStateFromError(error);
  }
}
