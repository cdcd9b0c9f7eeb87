import type { HandlerArgs } from '../../../trpc/context';
import {
  cancelLinkState,
  cancelWithLink as cancelThroughLink,
  issueCancelLink,
  linkNotValid,
  orderOfCancelLink,
} from '../cancel-links';
import type { CancelLinkInput, CancelWithLinkInput, RequestCancelLinkInput } from '../inputs';
import { findVisibleOrder } from '../order-access';
import { orderNotFound } from '../order-transitions';
import {
  cancelLinkOrder,
  cancelLinkSent,
  type CancelLinkOrder,
  type CancelLinkSent,
} from '../views';

/**
 * A guest who looked an order up cancels it by proving they read the order's mailbox: they ask
 * for a link, it is emailed to the order's address, and only following it cancels.
 */

/** Emails a single-use cancellation link to the order's address (a guest order's reader). */
export async function requestCancelLink({
  input,
  ctx,
}: HandlerArgs<RequestCancelLinkInput>): Promise<CancelLinkSent> {
  const { order, viewer } = await findVisibleOrder(input.orderId, ctx.identity, input.accessToken);
  // Account orders are cancelled by their signed-in owner; staff use `staffCancel`.
  if (order.accountId || viewer.kind === 'staff') throw orderNotFound();
  const { sentTo, expiresAt } = await issueCancelLink(order);
  return cancelLinkSent(sentTo, expiresAt);
}

/** What the emailed link opens: the order it cancels, and whether it still can. Changes nothing. */
export async function cancelLink({
  input,
}: HandlerArgs<CancelLinkInput>): Promise<CancelLinkOrder> {
  const order = await orderOfCancelLink(input.token);
  if (!order) throw linkNotValid();
  return cancelLinkOrder(order, cancelLinkState(order));
}

/** The shopper confirmed on the link's page: the order is cancelled (idempotent). */
export async function cancelWithLink({
  input,
}: HandlerArgs<CancelWithLinkInput>): Promise<CancelLinkOrder> {
  const order = await cancelThroughLink(input.token, input.reason);
  return cancelLinkOrder(order, cancelLinkState(order));
}
