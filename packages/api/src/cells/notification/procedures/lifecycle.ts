import { TRPCError } from '@trpc/server';
import type { HandlerArgs } from '../../../trpc/context';
import { cellClient } from '../../../cross-cell/cell-client';
import { requestBackInStock } from '../back-in-stock';
import { checkoutStarted } from '../events';
import { inngestFor } from '../../../events/inngest-client';
import type {
  NotifyWhenAvailableInput,
  RememberCheckoutInput,
  RestoreCartLinkInput,
} from '../inputs';
import { linesOfRestoreToken } from '../cart-restore';
import { sha256Hex } from '../../../secrets';

/** "Email me when available" on a sold-out variant (public; one email, then the request ends). */
export async function notifyWhenAvailable({ ctx, input }: HandlerArgs<NotifyWhenAvailableInput>) {
  await requestBackInStock(input.email, input.sku);
  ctx.logger.info({ sku: input.sku }, 'back-in-stock alert asked');
  return { ok: true as const };
}

/**
 * Checkout reached with a known email (called by the storefront's server with the cart's SKUs
 * and quantities). Names and prices come from the product cell, never from the caller, so the
 * reminder shows only the catalogue's own words. Whether anything is ever sent is decided later,
 * by consent (abandoned-cart-reminder.ts).
 */
export async function rememberCheckout({ ctx, input }: HandlerArgs<RememberCheckoutInput>) {
  const { items } = await cellClient().product.skuDetails.query({
    skus: input.lines.map((line) => line.sku),
  });
  const bySku = new Map(items.map((item) => [item.sku, item]));
  const lines = input.lines.flatMap((line) => {
    const detail = bySku.get(line.sku.toUpperCase());
    if (!detail || !detail.purchasable) return [];
    const name = detail.variantLabel ? `${detail.name} (${detail.variantLabel})` : detail.name;
    return [{ sku: detail.sku, name, quantity: line.quantity, unitPriceMinor: detail.priceMinor }];
  });
  const currency = items[0]?.currency;
  if (lines.length === 0 || !currency) return { ok: true as const };
  // As typed (trimmed): the order's `order.created` carries the same field's value unchanged,
  // and the reminder waits for it by exact match. Consent is looked up case-blind (consent.ts).
  const email = input.email.trim();
  // One reminder chain per address and cart content: a reload of checkout starts nothing new.
  const id = `checkout-started-${sha256Hex(`${email.toLowerCase()}|${lines.map((l) => `${l.sku}*${l.quantity}`).join(',')}`)}`;
  await inngestFor('notification').send({
    id,
    name: checkoutStarted.name,
    data: checkoutStarted.schema.parse({ email, lines, currency }),
  });
  ctx.logger.info({ lines: lines.length }, 'checkout remembered for a reminder');
  return { ok: true as const };
}

/** The restore link's items (SKU and quantity), for the storefront to put back in the cart. */
export async function restoreCartLink({ input }: HandlerArgs<RestoreCartLinkInput>) {
  const lines = linesOfRestoreToken(input.token);
  if (!lines) throw new TRPCError({ code: 'NOT_FOUND', message: 'This cart link is not valid.' });
  return { lines };
}
