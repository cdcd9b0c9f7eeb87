'use server';

import { formStateFromError } from '@shop/ui/form';
import { visitorCells } from '@/app/(account)/_actions/public-cells';
import type { CancelByLinkState } from '@/components/orders/cancel-by-link-form';

const linkToken = /^[A-Za-z0-9_-]{43}$/;

/**
 * The shopper confirmed on the emailed link's page: the order cell cancels the order the link
 * names (once; confirming again answers the same). The link's token is the only credential.
 */
export async function cancelOrderByLink(
  _previous: CancelByLinkState,
  data: FormData,
): Promise<CancelByLinkState> {
  const token = String(data.get('token') ?? '');
  if (!linkToken.test(token)) {
    return { status: 'error', message: 'This cancellation link is not valid.' };
  }
  const reason = String(data.get('reason') ?? '')
    .trim()
    .slice(0, 500);
  try {
    const order = await (
      await visitorCells()
    ).order.cancelWithLink.mutate({ token, ...(reason ? { reason } : {}) });
    return { status: 'success', order };
  } catch (error) {
    return formStateFromError(error, { fields: [] });
  }
}
