import { analyticsConsentModes } from '@shop/db/analytics';
import { z } from 'zod';
import { isTimeZone } from './zoned-time';

/**
 * Inputs of the analytics cell's procedures (`analytics.summary` takes none). A new procedure's
 * input goes here as `<procedureName>Input`, with its inferred type.
 */

/** `analytics.zeroResultQueries`: over how many days, and how many queries at most. */
export const zeroResultQueriesInput = z
  .object({
    days: z.number().int().min(1).max(90).default(30),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .strict()
  .default({ days: 30, limit: 50 });
export type ZeroResultQueriesInput = z.infer<typeof zeroResultQueriesInput>;

/** Random ids the browser makes (`crypto.randomUUID()`): letters, digits, `-`, `_`. */
const browserId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be a random id');
/** A page's path without its query (queries can hold personal data), e.g. `/products/oak-lamp`. */
const pagePath = z
  .string()
  .max(500)
  .regex(/^\/[^?#\s]*$/, 'must be a path without ? or #');
const shortText = z.string().trim().max(100);
const productRef = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be a product id');
const eventBase = { id: browserId, at: z.number().int().positive() };

/** One event of a batch; `at` is when it happened, in epoch milliseconds. */
export const trackedEventInput = z.discriminatedUnion('kind', [
  z
    .object({
      ...eventBase,
      kind: z.literal('session_started'),
      landingPath: pagePath,
      /** The referrer's host only (e.g. `www.google.com`); absent for direct visits. */
      referrerHost: z.string().max(255).optional(),
      utm: z
        .object({
          source: shortText.optional(),
          medium: shortText.optional(),
          campaign: shortText.optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
  z.object({ ...eventBase, kind: z.literal('page_viewed'), path: pagePath }).strict(),
  z
    .object({
      ...eventBase,
      kind: z.literal('product_viewed'),
      path: pagePath,
      productId: productRef,
    })
    .strict(),
  z
    .object({
      ...eventBase,
      kind: z.literal('search_result_clicked'),
      query: shortText.min(1),
      productId: productRef,
      position: z.number().int().min(1).max(1000),
    })
    .strict(),
  z
    .object({
      ...eventBase,
      kind: z.literal('cart_item_added'),
      productId: productRef,
      quantity: z.number().int().min(1).max(99),
      /** The price the shopper saw, for the abandoned carts' value (minor units). */
      unitPriceMinor: z.number().int().min(0).max(100_000_000).optional(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .optional(),
    })
    .strict(),
  z
    .object({
      ...eventBase,
      kind: z.literal('cart_item_removed'),
      productId: productRef,
      quantity: z.number().int().min(1).max(99),
    })
    .strict(),
  z.object({ ...eventBase, kind: z.literal('checkout_started') }).strict(),
  z
    .object({
      ...eventBase,
      kind: z.literal('checkout_step'),
      step: z.enum(['address', 'shipping', 'payment', 'review']),
    })
    .strict(),
  z.object({ ...eventBase, kind: z.literal('review_written'), productId: productRef }).strict(),
]);
export type TrackedEventInput = z.infer<typeof trackedEventInput>;

export const trafficSources = [
  'direct',
  'search',
  'social',
  'email',
  'campaign',
  'referral',
] as const;

/** The most events one batch may hold (the storefront's route refuses more before calling). */
export const maxEventsPerBatch = 50;

/**
 * `analytics.ingestEvents`: one browser's batch, forwarded by the storefront's `/api/events`
 * route with the consent signals it read from the request.
 */
export const ingestEventsInput = z
  .object({
    anonymousId: browserId,
    sessionId: browserId,
    device: z.enum(['mobile', 'tablet', 'desktop']),
    source: z.enum(trafficSources),
    signals: z
      .object({ gpc: z.boolean(), consent: z.enum(['granted', 'denied', 'unset']) })
      .strict(),
    events: z.array(trackedEventInput).min(1).max(maxEventsPerBatch),
  })
  .strict();
export type IngestEventsInput = z.infer<typeof ingestEventsInput>;

const localDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD');

/** A range of local days in the store's time zone, both ends included, at most about a year. */
export const reportRangeInput = z
  .object({ from: localDay, to: localDay })
  .strict()
  .refine((range) => range.from <= range.to, { message: 'from must not be after to' })
  .refine((range) => Date.parse(range.to) - Date.parse(range.from) <= 400 * 86_400_000, {
    message: 'a report covers at most 400 days',
  });
export type ReportRangeInput = z.infer<typeof reportRangeInput>;

/** `analytics.salesReport`: a range and how to group it. */
export const salesReportInput = z
  .object({ from: localDay, to: localDay, interval: z.enum(['day', 'week', 'month']) })
  .strict()
  .refine((range) => range.from <= range.to, { message: 'from must not be after to' })
  .refine((range) => Date.parse(range.to) - Date.parse(range.from) <= 400 * 86_400_000, {
    message: 'a report covers at most 400 days',
  });
export type SalesReportInput = z.infer<typeof salesReportInput>;

export const funnelReportInput = reportRangeInput;
export type FunnelReportInput = ReportRangeInput;
export const topProductsReportInput = reportRangeInput;
export type TopProductsReportInput = ReportRangeInput;
export const topCategoriesReportInput = reportRangeInput;
export type TopCategoriesReportInput = ReportRangeInput;
export const searchReportInput = reportRangeInput;
export type SearchReportInput = ReportRangeInput;
export const customersReportInput = reportRangeInput;
export type CustomersReportInput = ReportRangeInput;
export const abandonedCartsReportInput = reportRangeInput;
export type AbandonedCartsReportInput = ReportRangeInput;

/** `analytics.updateSettings`: the store's consent mode, raw-event retention and time zone. */
export const updateSettingsInput = z
  .object({
    consentMode: z.enum(analyticsConsentModes),
    rawEventRetentionDays: z.number().int().min(1).max(3650),
    timeZone: z
      .string()
      .min(1)
      .max(64)
      .refine(isTimeZone, { message: 'must be an IANA time zone, e.g. Europe/Amsterdam' }),
  })
  .strict();
export type UpdateSettingsInput = z.infer<typeof updateSettingsInput>;
