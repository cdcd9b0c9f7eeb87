'use server';

import { revalidatePath } from 'next/cache';
import { type FormState, formStateFromError } from '@shop/ui/form';
import { currentSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { parseMoneyInput } from '@/components/orders/money-input';

const text = (data: FormData, name: string, max = 100) =>
  String(data.get(name) ?? '')
    .trim()
    .slice(0, max);

/** "2026-12-31T23:59" from a datetime-local field, read as UTC (the form says so). */
function utcDate(value: string): string | null | 'invalid' {
  if (!value) return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return 'invalid';
  const date = new Date(`${value}:00Z`);
  return Number.isNaN(date.getTime()) ? 'invalid' : date.toISOString();
}

function wholeNumber(value: string): number | null | 'invalid' {
  if (!value) return null;
  return /^\d{1,9}$/.test(value) && Number(value) >= 1 ? Number(value) : 'invalid';
}

/**
 * Creates or changes a discount code (the order cell checks orders:write). Amounts are typed in
 * euros and converted to cents exactly; dates are UTC.
 */
export async function saveDiscountCode(data: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) return { status: 'error', message: 'Your session has ended. Sign in again.' };
  const fieldErrors: Record<string, string> = {};
  const kind = text(data, 'kind') === 'fixed' ? 'fixed' : 'percentage';
  const code = text(data, 'code', 40);
  let value = 0;
  if (kind === 'fixed') {
    const amount = parseMoneyInput(text(data, 'value', 40));
    if (amount.ok) value = amount.minor;
    else fieldErrors.value = amount.message;
  } else {
    const percent = text(data, 'value', 10);
    if (/^\d{1,3}$/.test(percent) && Number(percent) >= 1 && Number(percent) <= 100) {
      value = Number(percent);
    } else fieldErrors.value = 'Enter a whole percentage from 1 to 100.';
  }
  let minSpendMinor = 0;
  const minSpend = text(data, 'minSpend', 40);
  if (minSpend) {
    const amount = parseMoneyInput(minSpend, { allowZero: true });
    if (amount.ok) minSpendMinor = amount.minor;
    else fieldErrors.minSpend = amount.message;
  }
  const startsAt = utcDate(text(data, 'startsAt', 20));
  const expiresAt = utcDate(text(data, 'expiresAt', 20));
  if (startsAt === 'invalid') fieldErrors.startsAt = 'Enter a date and time.';
  if (expiresAt === 'invalid') fieldErrors.expiresAt = 'Enter a date and time.';
  const usageLimit = wholeNumber(text(data, 'usageLimit', 12));
  const perCustomerLimit = wholeNumber(text(data, 'perCustomerLimit', 12));
  if (usageLimit === 'invalid') fieldErrors.usageLimit = 'Enter a whole number of 1 or more.';
  if (perCustomerLimit === 'invalid') {
    fieldErrors.perCustomerLimit = 'Enter a whole number of 1 or more.';
  }
  if (
    Object.keys(fieldErrors).length ||
    startsAt === 'invalid' ||
    expiresAt === 'invalid' ||
    usageLimit === 'invalid' ||
    perCustomerLimit === 'invalid'
  ) {
    return { status: 'error', message: 'Check the highlighted fields.', fieldErrors };
  }
  try {
    const saved = await cellsAs(session).order.saveDiscountCode.mutate({
      code,
      kind,
      value,
      minSpendMinor,
      startsAt,
      expiresAt,
      usageLimit,
      perCustomerLimit,
      active: data.get('active') === 'on',
    });
    revalidatePath('/discounts', 'layout');
    return { status: 'success', message: `${saved.code} saved: ${saved.description}.` };
  } catch (error) {
    const state = formStateFromError(error, {
      fields: [
        'code',
        'kind',
        'value',
        'minSpendMinor',
        'startsAt',
        'expiresAt',
        'usageLimit',
        'perCustomerLimit',
      ],
      messages: { FORBIDDEN: 'Your role may not change discount codes.' },
    });
    // The cell names the minimum spend in cents; the form's field is in euros.
    const minSpendError = state.fieldErrors?.minSpendMinor;
    return minSpendError
      ? { ...state, fieldErrors: { ...state.fieldErrors, minSpend: minSpendError } }
      : state;
  }
}
