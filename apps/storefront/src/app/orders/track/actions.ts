'use server';

import { TRPCClientError, type RouterOutputs } from '@shop/api/client';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { type FormState, formStateFromError } from '@shop/ui/form';
import { visitorCells } from '@/app/(account)/_actions/public-cells';
import type { CancelLinkState } from '@/components/orders/email-cancel-link-form';
import type { TrackOrderState } from '@/components/orders/track-order-form';
import { shopperCells } from '@/server/cart-cells';
import { orderAccessToken, rememberOrderAccess } from '@/server/order-access';

// "SO-7KQ4-M2XH", "so-7kq4m2xh" and "7KQ4 M2XH" all mean the same order (the order cell reads
// them alike; older orders' numbers such as SO-100001 still work).
const orderNumberShape = /^(SO-?)?([0-9A-Z]{4}-?[0-9A-Z]{4}|\d{1,12})$/;

const lookupForm = z.object({
  number: z
    .string()
    .trim()
    .toUpperCase()
    .transform((value) => value.replace(/\s+/g, ''))
    .pipe(z.string().regex(orderNumberShape, 'Enter the order number, for example SO-7KQ4-M2XH.')),
  email: z.string().trim().toLowerCase().email('Enter the email address you ordered with.'),
});

// Also what an account's order answers: it is opened by signing in, and the lookup must not say
// whether an account placed it.
const notFoundMessage =
  'We could not find a guest order with that number and email address. Check both against your order confirmation email. If you ordered while signed in, sign in to see it.';

/**
 * A guest finds their order by number and email: the order cell answers a fresh access token,
 * kept in the httpOnly order-access cookie, and the browser goes on to the order's page.
 */
export async function lookupGuestOrder(
  _previous: TrackOrderState,
  data: FormData,
): Promise<TrackOrderState> {
  const values = {
    number: String(data.get('number') ?? '').slice(0, 40),
    email: String(data.get('email') ?? '').slice(0, 254),
  };
  const parsed = lookupForm.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      fieldErrors[String(issue.path[0])] ??= issue.message;
    }
    return { status: 'error', message: 'Check the highlighted fields.', fieldErrors, values };
  }
  let found: RouterOutputs['order']['lookup'];
  try {
    found = await (await visitorCells()).order.lookup.mutate(parsed.data);
  } catch (error) {
    const notFound =
      error instanceof TRPCClientError &&
      (error.data as { code?: string } | undefined)?.code === 'NOT_FOUND';
    if (notFound) return { status: 'error', message: notFoundMessage, values };
    return { ...formStateFromError(error, { fields: ['number', 'email'] }), values };
  }
  await rememberOrderAccess(found.orderId, found.accessToken);
  redirect(`/orders/track/${found.orderId}`);
}

/** A guest (or the signed-in owner) cancels the order they are looking at. */
export async function cancelTrackedOrder(
  orderId: string,
  _previous: FormState,
  data: FormData,
): Promise<FormState> {
  if (!/^[0-9a-f]{24}$/i.test(orderId)) {
    return { status: 'error', message: 'That order does not exist.' };
  }
  const accessToken = await orderAccessToken(orderId);
  const reason = String(data.get('reason') ?? '')
    .trim()
    .slice(0, 500);
  try {
    const { client } = await shopperCells();
    await client.order.cancel.mutate({
      orderId,
      ...(accessToken ? { accessToken } : {}),
      ...(reason ? { reason } : {}),
    });
  } catch (error) {
    return formStateFromError(error, {
      fields: [],
      messages: { NOT_FOUND: 'This order can no longer be opened here. Look it up again.' },
    });
  }
  revalidatePath(`/orders/track/${orderId}`);
  return { status: 'success', message: 'Your order has been cancelled.' };
}

/**
 * A guest who looked the order up asks to cancel it: the order cell emails a single-use link to
 * the order's address, and the answer says where (masked).
 */
export async function requestCancelLink(
  orderId: string,
  _previous: CancelLinkState,
  _data: FormData,
): Promise<CancelLinkState> {
  if (!/^[0-9a-f]{24}$/i.test(orderId)) {
    return { status: 'error', message: 'That order does not exist.' };
  }
  const accessToken = await orderAccessToken(orderId);
  if (!accessToken) {
    return {
      status: 'error',
      message: 'This order can no longer be opened here. Look it up again.',
    };
  }
  try {
    const { client } = await shopperCells();
    const sent = await client.order.requestCancelLink.mutate({ orderId, accessToken });
    return { status: 'success', sentTo: sent.sentTo };
  } catch (error) {
    return formStateFromError(error, {
      fields: [],
      messages: { NOT_FOUND: 'This order can no longer be opened here. Look it up again.' },
    });
  }
}
