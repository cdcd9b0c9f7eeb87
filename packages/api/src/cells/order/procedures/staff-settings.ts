import { derivedObjectId, isDuplicateKeyError } from '@shop/db/claims';
import { checkoutSettingsKey } from '@shop/db/order';
import { TRPCError } from '@trpc/server';
import { changedFields } from '../../../audit/changed-fields';
import type { StaffArgs } from '../../../trpc/context';
import { orderDatabase } from '../database';
import type { StoredDiscountCode } from '../discounts';
import type { SaveDiscountCodeInput, SaveShippingSettingsInput } from '../inputs';
import { loadCheckoutSettings } from '../shipping-settings';
import {
  toDiscountCodeView,
  toShippingSettingsView,
  type DiscountCodeView,
  type ShippingSettingsView,
} from '../views';

/** Staff: discount codes, shipping methods and tax rates (orders:read to see, orders:write to change). */

export async function discountCodes(): Promise<{ items: DiscountCodeView[] }> {
  const { DiscountCode } = await orderDatabase.models();
  const codes = await DiscountCode.find().sort({ code: 1 }).lean<StoredDiscountCode[]>();
  return { items: codes.map(toDiscountCodeView) };
}

/** Creates the code, or changes it when it exists (its use count is kept). */
export async function saveDiscountCode({
  ctx,
  input,
}: StaffArgs<SaveDiscountCodeInput>): Promise<DiscountCodeView> {
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
  const existing = await DiscountCode.findOne({ code: input.code }).lean<StoredDiscountCode>();
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
  const saved = await DiscountCode.findById(id).lean<StoredDiscountCode>();
  if (!saved) throw new Error('discount code missing right after saving');
  const view = toDiscountCodeView(saved);
  ctx.audit.record({
    object: { type: 'discount-code', id: input.code },
    ...changedFields(existing && toDiscountCodeView(existing), view, ['code']),
  });
  return view;
}

export async function shippingSettings(): Promise<ShippingSettingsView> {
  return toShippingSettingsView(await loadCheckoutSettings());
}

/**
 * Replaces the shipping methods and tax rates (countries left out keep their default rates) and
 * sets the tax mode when given. Orders already placed keep the rates they were placed with.
 */
export async function saveShippingSettings({
  ctx,
  input,
}: StaffArgs<SaveShippingSettingsInput>): Promise<ShippingSettingsView> {
  const { ShopSettings } = await orderDatabase.models();
  const before = await shippingSettings();
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
        ...(input.pricesIncludeTax !== undefined && { pricesIncludeTax: input.pricesIncludeTax }),
      },
    },
    { upsert: true, runValidators: true },
  );
  ctx.logger.info(
    { staffId: ctx.identity.accountId, pricesIncludeTax: input.pricesIncludeTax },
    'shipping settings saved',
  );
  const after = await shippingSettings();
  ctx.audit.record({
    object: { type: 'shop-settings', id: checkoutSettingsKey },
    ...changedFields(before, after),
  });
  return after;
}
