import { checkoutSettingsKey, discountKinds, type DiscountCode } from '@shop/db/order';
import { TRPCError } from '@trpc/server';
import type { Types } from 'mongoose';
import { z } from 'zod';
import { countryCodeInput } from '../../addresses';
import { permissionProcedure } from '../../trpc/procedures';
import { shopCurrency, type ShippingMethodOption } from './cart-types';
import { orderDatabase } from './database';
import { derivedObjectId, isDuplicateKeyError } from '@shop/db/claims';
import { describeDiscount, normaliseCode } from './discounts';
import { loadCheckoutSettings } from './shipping-settings';

export interface DiscountCodeView {
  id: string;
  code: string;
  kind: 'percentage' | 'fixed';
  value: number;
  minSpendMinor: number;
  startsAt?: string;
  expiresAt?: string;
  usageLimit?: number;
  perCustomerLimit?: number;
  active: boolean;
  usedCount: number;
  /** e.g. "10% off orders of €50.00 or more". */
  description: string;
}

export interface ShippingSettingsView {
  shippingMethods: ShippingMethodOption[];
  taxRates: { country: string; taxRateBasisPoints: number }[];
}

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

const shippingMethodInput = z.strictObject({
  id: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9_-]+$/, { error: 'lower-case letters, digits, dashes and underscores' }),
  name: z.string().trim().min(1, { error: 'required' }).max(80),
  description: z.string().trim().max(200).default(''),
  priceMinor: minor,
  freeOverMinor: minor.nullish(),
  minDays: z.number().int().min(0).max(60),
  maxDays: z.number().int().min(0).max(60),
});

export const saveShippingSettingsInput = z
  .strictObject({
    shippingMethods: z.array(shippingMethodInput).min(1, { error: 'at least one method' }).max(10),
    taxRates: z
      .array(
        z.strictObject({
          country: countryCodeInput,
          taxRateBasisPoints: z
            .number()
            .int()
            .min(0)
            .max(10_000, { error: 'at most 10000 (100 %)' }),
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

type StoredCode = DiscountCode & { _id: Types.ObjectId };

function toDiscountCodeView(code: StoredCode): DiscountCodeView {
  return {
    id: code._id.toString(),
    code: code.code,
    kind: code.kind,
    value: code.value,
    minSpendMinor: code.minSpendMinor ?? 0,
    ...(code.startsAt && { startsAt: code.startsAt.toISOString() }),
    ...(code.expiresAt && { expiresAt: code.expiresAt.toISOString() }),
    ...(code.usageLimit != null && { usageLimit: code.usageLimit }),
    ...(code.perCustomerLimit != null && { perCustomerLimit: code.perCustomerLimit }),
    active: code.active,
    usedCount: code.usedCount,
    description: describeDiscount(code, shopCurrency),
  };
}

async function shippingSettingsView(): Promise<ShippingSettingsView> {
  const settings = await loadCheckoutSettings();
  return {
    shippingMethods: settings.shippingMethods,
    taxRates: [...settings.taxRates]
      .map(([country, taxRateBasisPoints]) => ({ country, taxRateBasisPoints }))
      .sort((a, b) => a.country.localeCompare(b.country)),
  };
}

/** Staff: discount codes, shipping methods and tax rates (orders:read to see, orders:write to change). */
export const settingsProcedures = {
  discountCodes: permissionProcedure('orders:read').query(
    async (): Promise<{ items: DiscountCodeView[] }> => {
      const { DiscountCode } = await orderDatabase.models();
      const codes = await DiscountCode.find().sort({ code: 1 }).lean<StoredCode[]>();
      return { items: codes.map(toDiscountCodeView) };
    },
  ),

  /** Creates the code, or changes it when it exists (its use count is kept). */
  saveDiscountCode: permissionProcedure('orders:write')
    .input(saveDiscountCodeInput)
    .mutation(async ({ ctx, input }): Promise<DiscountCodeView> => {
      const { DiscountCode } = await orderDatabase.models();
      const fields = {
        code: input.code,
        kind: input.kind,
        value: input.value,
        minSpendMinor: input.minSpendMinor ?? 0,
        active: input.active,
      };
      const unset: Record<string, 1> = {};
      const set: Record<string, unknown> = { ...fields };
      for (const key of ['startsAt', 'expiresAt', 'usageLimit', 'perCustomerLimit'] as const) {
        const value = input[key];
        if (value == null) unset[key] = 1;
        else set[key] = key.endsWith('At') ? new Date(value) : value;
      }
      const existing = await DiscountCode.findOne({ code: input.code }).select({ _id: 1 }).lean();
      const id = existing?._id ?? derivedObjectId(`discount-code:${input.code}`);
      try {
        await DiscountCode.updateOne(
          { _id: id },
          {
            $set: set,
            ...(Object.keys(unset).length > 0 && { $unset: unset }),
            $setOnInsert: { usedCount: 0 },
          },
          { upsert: true, runValidators: true },
        );
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        throw new TRPCError({
          code: 'CONFLICT',
          message: `${input.code} was just saved by someone else; try again`,
        });
      }
      ctx.logger.info({ staffId: ctx.identity.accountId, code: input.code }, 'discount code saved');
      const saved = await DiscountCode.findById(id).lean<StoredCode>();
      if (!saved) throw new Error('discount code missing right after saving');
      return toDiscountCodeView(saved);
    }),

  shippingSettings: permissionProcedure('orders:read').query(shippingSettingsView),

  /** Replaces the shipping methods and tax rates; countries left out keep their default rate. */
  saveShippingSettings: permissionProcedure('orders:write')
    .input(saveShippingSettingsInput)
    .mutation(async ({ ctx, input }): Promise<ShippingSettingsView> => {
      const { ShopSettings } = await orderDatabase.models();
      const id = derivedObjectId(`shop-settings:${checkoutSettingsKey}`);
      const existing = await ShopSettings.findOne({ key: checkoutSettingsKey })
        .select({ _id: 1 })
        .lean();
      await ShopSettings.updateOne(
        { _id: existing?._id ?? id },
        {
          $set: {
            key: checkoutSettingsKey,
            shippingMethods: input.shippingMethods.map(({ freeOverMinor, ...method }) => ({
              ...method,
              ...(freeOverMinor != null && { freeOverMinor }),
            })),
            taxRates: input.taxRates,
          },
        },
        { upsert: true, runValidators: true },
      );
      ctx.logger.info({ staffId: ctx.identity.accountId }, 'shipping settings saved');
      return shippingSettingsView();
    }),
};
