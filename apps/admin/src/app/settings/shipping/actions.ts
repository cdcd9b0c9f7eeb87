'use server';

import { TRPCClientError } from '@shop/api/client';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { type FormState, formStateFromError } from '@shop/ui/form';
import { currentSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { parseMoneyInput } from '@/components/orders/money-input';
import type { ShippingSettingsDraft } from '@/components/orders/shipping-settings-form';

const draftSchema = z.object({
  shippingMethods: z
    .array(
      z.object({
        id: z.string().max(60),
        name: z.string().max(100),
        description: z.string().max(300),
        price: z.string().max(40),
        freeOver: z.string().max(40),
        minDays: z.string().max(10),
        maxDays: z.string().max(10),
      }),
    )
    .max(20),
  pricesIncludeTax: z.boolean(),
  taxRates: z
    .array(
      z.object({
        country: z.string().max(10),
        rate: z.string().max(10),
        reduced: z.string().max(10),
        zero: z.string().max(10),
      }),
    )
    .max(80),
});

function days(value: string): number | undefined {
  return /^\d{1,2}$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

/**
 * Saves shipping methods and tax rates as a whole (orders:write). The form sends what was typed
 * (euros, percent); each amount becomes exact cents or basis points here, and every problem is
 * reported next to its field by the path the order cell uses (`shippingMethods.0.priceMinor`).
 */
export async function saveShippingSettings(data: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) return { status: 'error', message: 'Your session has ended. Sign in again.' };
  let draft: ShippingSettingsDraft;
  try {
    draft = draftSchema.parse(JSON.parse(String(data.get('payload') ?? '')));
  } catch {
    return { status: 'error', message: 'Reload the page and try again.' };
  }
  const fieldErrors: Record<string, string> = {};
  const shippingMethods = draft.shippingMethods.map((method, index) => {
    const at = `shippingMethods.${index}`;
    const price = parseMoneyInput(method.price, { allowZero: true });
    if (!price.ok) fieldErrors[`${at}.priceMinor`] = price.message;
    const freeOver = method.freeOver.trim()
      ? parseMoneyInput(method.freeOver, { allowZero: true })
      : undefined;
    if (freeOver && !freeOver.ok) fieldErrors[`${at}.freeOverMinor`] = freeOver.message;
    const minDays = days(method.minDays);
    const maxDays = days(method.maxDays);
    if (minDays === undefined) fieldErrors[`${at}.minDays`] = 'Enter whole days (0–60).';
    if (maxDays === undefined) fieldErrors[`${at}.maxDays`] = 'Enter whole days (0–60).';
    return {
      id: method.id.trim(),
      name: method.name.trim(),
      description: method.description.trim(),
      priceMinor: price.ok ? price.minor : 0,
      freeOverMinor: freeOver?.ok ? freeOver.minor : null,
      minDays: minDays ?? 0,
      maxDays: maxDays ?? 0,
    };
  });
  /** A percentage typed as "19" or "8.1" in exact basis points; a problem noted at its field. */
  const basisPoints = (typed: string, path: string): number => {
    const percent = parseMoneyInput(typed, { allowZero: true });
    if (!percent.ok || percent.minor > 10_000) {
      fieldErrors[path] = 'Enter a rate from 0 to 100, such as 19 or 8.1.';
      return 0;
    }
    return percent.minor;
  };
  const taxRates = draft.taxRates.map((rate, index) => ({
    country: rate.country.trim().toUpperCase(),
    taxRateBasisPoints: basisPoints(rate.rate, `taxRates.${index}.taxRateBasisPoints`),
    reducedRateBasisPoints: basisPoints(rate.reduced, `taxRates.${index}.reducedRateBasisPoints`),
    zeroRateBasisPoints: basisPoints(rate.zero, `taxRates.${index}.zeroRateBasisPoints`),
  }));
  if (Object.keys(fieldErrors).length) {
    return { status: 'error', message: 'Check the highlighted fields.', fieldErrors };
  }
  try {
    await cellsAs(session).order.saveShippingSettings.mutate({
      pricesIncludeTax: draft.pricesIncludeTax,
      shippingMethods,
      taxRates,
    });
  } catch (error) {
    const issues =
      error instanceof TRPCClientError
        ? (error.data as { issues?: { path: string; message: string }[] } | undefined)?.issues
        : undefined;
    if (issues?.length) {
      const byPath: Record<string, string> = {};
      for (const issue of issues) byPath[issue.path] ??= sentence(issue.message);
      return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: byPath };
    }
    return formStateFromError(error, {
      fields: [],
      messages: { FORBIDDEN: 'Your role may not change shipping and tax settings.' },
    });
  }
  revalidatePath('/settings/shipping');
  return { status: 'success', message: 'Shipping methods, tax mode and tax rates saved.' };
}

function sentence(message: string): string {
  const trimmed = message.trim() || 'Invalid value';
  const capital = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
