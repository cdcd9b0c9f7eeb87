'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { type FormState, formStateFromError } from '@shop/ui/form';
import { currentSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { parseMoneyInput } from '@/components/orders/money-input';

const orderIdSchema = z.string().regex(/^[0-9a-f]{24}$/i);
const sessionEnded: FormState = {
  status: 'error',
  message: 'Your session has ended. Sign in again.',
};
const refusals = {
  FORBIDDEN: 'Your role may not do this.',
  NOT_FOUND: 'This order no longer exists.',
};

const text = (data: FormData, name: string, max = 500) =>
  String(data.get(name) ?? '')
    .trim()
    .slice(0, max);

/**
 * Runs one staff change on an order as the signed-in staff member (the cells check the
 * permission and the state machine) and refreshes the order's page.
 */
async function onOrder(
  orderId: string,
  change: (client: ReturnType<typeof cellsAs>, id: string) => Promise<unknown>,
  success: string,
  fields: readonly string[] = [],
  messages: Partial<Record<string, string>> = {},
): Promise<FormState> {
  const session = await currentSession();
  if (!session) return sessionEnded;
  const id = orderIdSchema.safeParse(orderId);
  if (!id.success) return { status: 'error', message: refusals.NOT_FOUND };
  try {
    await change(cellsAs(session), id.data);
  } catch (error) {
    return formStateFromError(error, { fields, messages: { ...refusals, ...messages } });
  }
  revalidatePath(`/orders/${id.data}`);
  revalidatePath('/orders');
  return { status: 'success', message: success };
}

export async function markProcessing(orderId: string, data: FormData): Promise<FormState> {
  const note = text(data, 'note');
  return onOrder(
    orderId,
    (client, id) => client.order.markProcessing.mutate({ orderId: id, ...(note ? { note } : {}) }),
    'Marked as being prepared.',
    ['note'],
  );
}

export async function markShipped(orderId: string, data: FormData): Promise<FormState> {
  const carrier = text(data, 'carrier', 100);
  const trackingNumber = text(data, 'trackingNumber', 100);
  const trackingUrl = text(data, 'trackingUrl');
  const fieldErrors: Record<string, string> = {};
  if (!carrier) fieldErrors.carrier = 'Enter the carrier.';
  if (!trackingNumber) fieldErrors.trackingNumber = 'Enter the tracking number.';
  if (trackingUrl && !/^https:\/\/\S+$/i.test(trackingUrl)) {
    fieldErrors.trackingUrl = 'The tracking link must start with https://.';
  }
  if (Object.keys(fieldErrors).length) {
    return { status: 'error', message: 'Check the highlighted fields.', fieldErrors };
  }
  return onOrder(
    orderId,
    (client, id) =>
      client.order.markShipped.mutate({
        orderId: id,
        carrier,
        trackingNumber,
        ...(trackingUrl ? { trackingUrl } : {}),
      }),
    `Marked as shipped with ${carrier}. The customer is emailed the tracking details.`,
    ['carrier', 'trackingNumber', 'trackingUrl'],
  );
}

export async function markDelivered(orderId: string): Promise<FormState> {
  return onOrder(
    orderId,
    (client, id) => client.order.markDelivered.mutate({ orderId: id }),
    'Marked as delivered.',
  );
}

export async function staffCancel(orderId: string, data: FormData): Promise<FormState> {
  const reason = text(data, 'reason');
  if (!reason) {
    return {
      status: 'error',
      message: 'Check the highlighted fields.',
      fieldErrors: { reason: 'Say why the order is cancelled (the customer is told).' },
    };
  }
  return onOrder(
    orderId,
    (client, id) => client.order.staffCancel.mutate({ orderId: id, reason }),
    'Order cancelled. Stock is released and anything paid is refunded.',
    ['reason'],
  );
}

const idempotencyKeySchema = z.string().uuid();

/**
 * Refunds part or all of what was captured. The amount is typed in euros and converted to cents
 * exactly; the key comes from the form (one per refund the staff member means), so a retried
 * submission refunds once.
 */
export async function refundOrder(orderId: string, data: FormData): Promise<FormState> {
  const amount = parseMoneyInput(text(data, 'amount', 40));
  if (!amount.ok) {
    return {
      status: 'error',
      message: 'Check the highlighted fields.',
      fieldErrors: { amount: amount.message },
    };
  }
  const key = idempotencyKeySchema.safeParse(data.get('idempotencyKey'));
  if (!key.success) return { status: 'error', message: 'Reload the page and try again.' };
  const reason = text(data, 'reason');
  const state = await onOrder(
    orderId,
    (client, id) =>
      client.payment.refund.mutate({
        orderId: id,
        amountMinor: amount.minor,
        idempotencyKey: key.data,
        ...(reason ? { reason } : {}),
      }),
    'Refund issued. The customer is emailed once the payment provider confirms it.',
    ['amountMinor', 'reason'],
    { NOT_FOUND: 'The payment service has no payment for this order to refund.' },
  );
  // The cell names the amount `amountMinor`; the form's field is `amount`.
  const amountError = state.fieldErrors?.amountMinor;
  return amountError
    ? { ...state, fieldErrors: { ...state.fieldErrors, amount: amountError } }
    : state;
}
