'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { type FormState, formStateFromError } from '@shop/ui/form';
import { currentSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';

const orderId = z.string().regex(/^[0-9a-f]{24}$/i);
const reason = z.string().trim().max(500).optional();

/** The signed-in shopper cancels their order (the order cell checks ownership and status). */
export async function cancelAccountOrder(
  id: string,
  _previous: FormState,
  data: FormData,
): Promise<FormState> {
  const session = await currentSession();
  if (!session) return { status: 'error', message: 'Your session has ended. Sign in again.' };
  const parsedId = orderId.safeParse(id);
  if (!parsedId.success) return { status: 'error', message: 'That order does not exist.' };
  const given = reason.safeParse(data.get('reason') ?? undefined);
  try {
    await cellsAs(session).order.cancel.mutate({
      orderId: parsedId.data,
      ...(given.success && given.data ? { reason: given.data } : {}),
    });
  } catch (error) {
    return formStateFromError(error, {
      fields: [],
      messages: { NOT_FOUND: 'That order does not exist.' },
    });
  }
  revalidatePath('/account/orders', 'layout');
  return { status: 'success', message: 'Your order has been cancelled.' };
}
