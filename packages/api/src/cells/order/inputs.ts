import { cartLimits, discountKinds, orderPaymentMethods, orderStatuses } from '@shop/db/order';
import { z } from 'zod';
import { countryCodeInput, postalAddressInput } from '../../addresses';
import { paginationInput } from '../../trpc/pagination';
import { normaliseCode } from './discounts';
import { orderNumberCandidates } from './order-number';
import { requiredShownText, shownParagraphs, shownText } from '../../text-input/shown-text';
import { objectIdTextPattern } from '../../ids/object-id-text';

/** The input of every order procedure, `<procedure>Input`, grouped as `procedures/` is. */

// ---- cart (procedures/cart.ts) ----

const skuInput = z
  .string()
  .trim()
  .min(1, { error: 'required' })
  .max(64, { error: 'at most 64 characters' })
  .toUpperCase();
const quantity = (min: number) =>
  z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `at least ${min}` })
    .max(cartLimits.quantityPerLine, { error: `at most ${cartLimits.quantityPerLine}` });

export const addToCartInput = z.strictObject({ sku: skuInput, quantity: quantity(1) });
export type AddToCartInput = z.infer<typeof addToCartInput>;

export const updateCartLineInput = z.strictObject({ sku: skuInput, quantity: quantity(0) });
export type UpdateCartLineInput = z.infer<typeof updateCartLineInput>;

export const removeFromCartInput = z.strictObject({ sku: skuInput });
export type RemoveFromCartInput = z.infer<typeof removeFromCartInput>;

export const applyDiscountInput = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1, { error: 'required' })
    .max(40, { error: 'at most 40 characters' })
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'letters, digits, dashes and underscores only' }),
});
export type ApplyDiscountInput = z.infer<typeof applyDiscountInput>;

// ---- checkout (procedures/checkout.ts) ----

export const quoteInput = z.strictObject({
  shippingMethodId: z.string().trim().min(1, { error: 'required' }).max(40),
  country: countryCodeInput,
});
export type QuoteInput = z.infer<typeof quoteInput>;

export const placeInput = z.strictObject({
  /** One per checkout submission (the browser makes it); a retry sends the same. */
  idempotencyKey: z.uuid({ error: 'must be a UUID' }),
  email: z
    .string()
    .trim()
    .max(254, { error: 'at most 254 characters' })
    .pipe(z.email({ error: 'not a valid email address' })),
  shippingAddress: postalAddressInput,
  billingAddress: postalAddressInput.optional(),
  shippingMethodId: z.string().trim().min(1, { error: 'required' }).max(40),
  paymentMethod: z.enum(orderPaymentMethods, { error: 'card or cash_on_delivery' }),
  /** What the shopper saw; the cell computes the real total and refuses if they differ. */
  expectedTotalMinor: z.number().int({ error: 'a whole number of cents' }).min(0),
});
export type PlaceInput = z.infer<typeof placeInput>;

// ---- the shopper's orders (procedures/orders.ts) ----

const orderIdInput = z.string().regex(objectIdTextPattern, 'orderId must be an order id');
/** The guest's secret from `order.place` or `order.lookup` (43 characters, base64url). */
const accessTokenInput = z
  .string()
  .min(16)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'accessToken is malformed');
// Carrier names, reasons and notes reach the shopper's emails and the back office.
const text = requiredShownText;

/** The longest `order.get` holds a caller waiting for a change (below gateways' timeouts). */
export const maxOrderWaitMs = 10_000;

export const getInput = z
  .object({
    orderId: orderIdInput,
    accessToken: accessTokenInput.optional(),
    /**
     * Answer once the order's `version` is no longer `from` (or after `timeoutMs`, at most 10 s):
     * a page following the saga holds one request instead of polling.
     */
    waitForChange: z
      .object({
        from: z.string().min(1).max(100),
        timeoutMs: z.number().int().min(0).max(maxOrderWaitMs),
      })
      .strict()
      .optional(),
  })
  .strict();
export type GetInput = z.infer<typeof getInput>;

export const listInput = z.object(paginationInput).strict().default({ page: 1, pageSize: 24 });
export type ListInput = z.infer<typeof listInput>;

export const lookupInput = z
  .object({
    /** `SO-7KQ4-M2XH` (or the older `SO-100001`), as typed: case, spaces and dashes do not matter. */
    number: z
      .string()
      .max(40)
      .transform(orderNumberCandidates)
      .refine((candidates) => candidates.length > 0, 'number looks like SO-7KQ4-M2XH'),
    email: z.string().trim().toLowerCase().email('email must be an email address').max(254),
  })
  .strict();
export type LookupInput = z.infer<typeof lookupInput>;

export const cancelInput = z
  .object({
    orderId: orderIdInput,
    accessToken: accessTokenInput.optional(),
    reason: shownParagraphs(500).optional(),
  })
  .strict();
export type CancelInput = z.infer<typeof cancelInput>;

// ---- a guest's emailed cancellation link (procedures/guest-cancel.ts) ----

export const requestCancelLinkInput = z
  .object({ orderId: orderIdInput, accessToken: accessTokenInput })
  .strict();
export type RequestCancelLinkInput = z.infer<typeof requestCancelLinkInput>;

/** The emailed link's secret (43 characters, base64url, like every `newSecretToken`). */
const linkTokenInput = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'token is malformed');

export const cancelLinkInput = z.object({ token: linkTokenInput }).strict();
export type CancelLinkInput = z.infer<typeof cancelLinkInput>;

export const cancelWithLinkInput = z
  .object({ token: linkTokenInput, reason: shownParagraphs(500).optional() })
  .strict();
export type CancelWithLinkInput = z.infer<typeof cancelWithLinkInput>;

// ---- staff: orders (procedures/staff-orders.ts) ----

export const adminListInput = z
  .object({
    status: z.enum(orderStatuses).optional(),
    /** An order number, or part of the customer's email or name. */
    q: z.string().trim().max(100).optional(),
    ...paginationInput,
  })
  .strict()
  .default({ page: 1, pageSize: 24 });
export type AdminListInput = z.infer<typeof adminListInput>;

export const customerHistoryInput = z
  .object({
    accountId: z.string().regex(objectIdTextPattern, { error: 'must be an account id' }),
    ...paginationInput,
  })
  .strict();
export type CustomerHistoryInput = z.infer<typeof customerHistoryInput>;

export const markProcessingInput = z
  .object({ orderId: orderIdInput, note: shownParagraphs(500).optional() })
  .strict();
export type MarkProcessingInput = z.infer<typeof markProcessingInput>;

export const markShippedInput = z
  .object({
    orderId: orderIdInput,
    carrier: text(100),
    trackingNumber: text(100),
    trackingUrl: z
      .string()
      .trim()
      .max(500)
      .url('trackingUrl must be a URL')
      .refine((url) => url.startsWith('https://'), 'trackingUrl must start with https://')
      .optional(),
  })
  .strict();
export type MarkShippedInput = z.infer<typeof markShippedInput>;

export const markDeliveredInput = z.object({ orderId: orderIdInput }).strict();
export type MarkDeliveredInput = z.infer<typeof markDeliveredInput>;

export const staffCancelInput = z.object({ orderId: orderIdInput, reason: text(500) }).strict();
export type StaffCancelInput = z.infer<typeof staffCancelInput>;

// ---- staff: discount codes, shipping and tax (procedures/staff-settings.ts) ----

const minor = z.number().int({ error: 'a whole number of cents' }).min(0);
const isoDate = z.iso.datetime({ offset: true, error: 'an ISO 8601 date-time' });

export const saveDiscountCodeInput = z
  .strictObject({
    code: z
      .string()
      .trim()
      .min(3, { error: 'at least 3 characters' })
      .max(40, { error: 'at most 40 characters' })
      .regex(/^[A-Za-z0-9_-]+$/, { error: 'letters, digits, dashes and underscores only' })
      .transform(normaliseCode),
    kind: z.enum(discountKinds),
    value: z.number().int({ error: 'a whole number' }).min(1, { error: 'at least 1' }),
    minSpendMinor: minor.optional(),
    startsAt: isoDate.nullish(),
    expiresAt: isoDate.nullish(),
    usageLimit: z.number().int().min(1, { error: 'at least 1' }).nullish(),
    perCustomerLimit: z.number().int().min(1, { error: 'at least 1' }).nullish(),
    active: z.boolean(),
  })
  .superRefine((input, ctx) => {
    if (input.kind === 'percentage' && input.value > 100) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a percentage is 1–100' });
    }
    if (input.startsAt && input.expiresAt && input.expiresAt <= input.startsAt) {
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'must be after startsAt' });
    }
  });
export type SaveDiscountCodeInput = z.infer<typeof saveDiscountCodeInput>;

const shippingMethodInput = z.strictObject({
  id: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9_-]+$/, { error: 'lower-case letters, digits, dashes and underscores' }),
  name: requiredShownText(80),
  description: shownText(200).default(''),
  priceMinor: minor,
  freeOverMinor: minor.nullish(),
  minDays: z.number().int().min(0).max(60),
  maxDays: z.number().int().min(0).max(60),
});

const basisPointsInput = z
  .number()
  .int({ error: 'a whole number of basis points (2100 = 21 %)' })
  .min(0, { error: 'at least 0' })
  .max(10_000, { error: 'at most 10000 (100 %)' });

export const saveShippingSettingsInput = z
  .strictObject({
    /** Absent: the stored mode is kept. */
    pricesIncludeTax: z.boolean().optional(),
    shippingMethods: z.array(shippingMethodInput).min(1, { error: 'at least one method' }).max(10),
    taxRates: z
      .array(
        z.strictObject({
          country: countryCodeInput,
          /** The standard rate, which shipping is taxed at too. */
          taxRateBasisPoints: basisPointsInput,
          /** Absent: the country's default reduced rate. */
          reducedRateBasisPoints: basisPointsInput.optional(),
          /** Absent: 0. */
          zeroRateBasisPoints: basisPointsInput.optional(),
        }),
      )
      .max(50),
  })
  .superRefine((input, ctx) => {
    const ids = new Set<string>();
    input.shippingMethods.forEach((method, index) => {
      if (ids.has(method.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['shippingMethods', index, 'id'],
          message: 'used twice',
        });
      }
      ids.add(method.id);
      if (method.maxDays < method.minDays) {
        ctx.addIssue({
          code: 'custom',
          path: ['shippingMethods', index, 'maxDays'],
          message: 'must not be below minDays',
        });
      }
    });
    const countries = new Set<string>();
    input.taxRates.forEach((rate, index) => {
      if (countries.has(rate.country)) {
        ctx.addIssue({
          code: 'custom',
          path: ['taxRates', index, 'country'],
          message: 'used twice',
        });
      }
      countries.add(rate.country);
    });
  });
export type SaveShippingSettingsInput = z.infer<typeof saveShippingSettingsInput>;

// ---- The review cell's verified-purchase check (procedures/purchase-verification.ts)

export const deliveredPurchaseInput = z.strictObject({
  accountId: z.string().regex(objectIdTextPattern, { error: 'must be an account id' }),
  productSlug: z.string().min(1).max(200),
});
export type DeliveredPurchaseInput = z.infer<typeof deliveredPurchaseInput>;

export const reviewRequestOrderInput = z.strictObject({
  orderId: z.string().regex(objectIdTextPattern, { error: 'must be an order id' }),
});
export type ReviewRequestOrderInput = z.infer<typeof reviewRequestOrderInput>;
