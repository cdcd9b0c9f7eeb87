'use server';

import { formStateFromError, type FormState } from '@shop/ui/form';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { currentSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';

const signedOut = 'Your session has ended. Sign in again.';
const sku = z.string().trim().min(1).max(64);

const adjustRequest = z.strictObject({
  sku,
  /** `change`: units added (negative removes); `count`: units on hand after counting. */
  mode: z.enum(['change', 'count']),
  amount: z.string().trim().max(12),
  reason: z.enum(['received', 'damaged', 'counted', 'returned']),
  note: z.string().trim().max(200),
});

/** Records a stock change from the adjust dialog; the cell keeps it in the SKU's history. */
export async function adjustStockFromDialog(request: unknown): Promise<FormState> {
  const session = await currentSession();
  if (!session) return { status: 'error', message: signedOut };
  const parsed = adjustRequest.safeParse(request);
  if (!parsed.success) return { status: 'error', message: 'Fill in the form and try again.' };
  const { mode, amount, reason, note } = parsed.data;
  const pattern = mode === 'change' ? /^[+-]?\d{1,7}$/ : /^\d{1,7}$/;
  if (!pattern.test(amount) || (mode === 'change' && Number(amount) === 0)) {
    return {
      status: 'error',
      fieldErrors: {
        amount:
          mode === 'change'
            ? 'Enter whole units other than 0, e.g. 12 or -3.'
            : 'Enter the units counted, 0 or more.',
      },
    };
  }
  try {
    const change = mode === 'change' ? { delta: Number(amount) } : { onHand: Number(amount) };
    const result = await cellsAs(session).product.adjustInventory.mutate({
      sku: parsed.data.sku,
      reason,
      ...(note ? { note } : {}),
      ...change,
    });
    revalidatePath('/inventory', 'layout');
    return {
      status: 'success',
      message: `${result.sku}: ${result.onHand} on hand, ${result.available} available.`,
    };
  } catch (error) {
    return formStateFromError(error, {
      fields: [],
      messages: { FORBIDDEN: 'Your role may read stock but not change it.' },
    });
  }
}

const thresholdRequest = z.strictObject({ sku, threshold: z.string().trim().max(7) });

export async function setThresholdFromDialog(request: unknown): Promise<FormState> {
  const session = await currentSession();
  if (!session) return { status: 'error', message: signedOut };
  const parsed = thresholdRequest.safeParse(request);
  if (!parsed.success || !/^\d{1,6}$/.test(parsed.data.threshold)) {
    return { status: 'error', fieldErrors: { threshold: 'Enter whole units, 0 or more.' } };
  }
  try {
    const result = await cellsAs(session).product.setLowStockThreshold.mutate({
      sku: parsed.data.sku,
      lowStockThreshold: Number(parsed.data.threshold),
    });
    revalidatePath('/inventory', 'layout');
    return {
      status: 'success',
      message: `${result.sku} is listed as low at ${result.lowStockThreshold} available or fewer.`,
    };
  } catch (error) {
    return formStateFromError(error, {
      fields: [],
      messages: { FORBIDDEN: 'Your role may read stock but not change it.' },
    });
  }
}
