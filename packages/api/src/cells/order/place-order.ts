import type { OrderPlacement } from '@shop/db/order';
import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import { inngestFor } from '../../events/inngest-client';
import { orderCreated } from './events';
import type { CellContext } from '../../trpc/context';
import { cartOwnerOf, requireCartOwner, type CartOwner } from './cart-owner';
import { isBuyable } from './cart-pricing';
import { changeCart } from './cart-store';
import type { PlacedOrder } from './views';
import { pricedCart } from './priced-cart';
import { orderDatabase } from './database';
import { derivedObjectId, isDuplicateKeyError } from '@shop/db/claims';
import { newSecretToken, sha256Hex } from '../../secrets';
import { checkDiscount, customerKeyOf, redeemDiscount, releaseDiscountUse } from './discounts';
import { formatMoney } from '@shop/money';
import { fieldError } from '../../trpc/field-error';
import type { PlaceInput } from './inputs';
import { loadCheckoutSettings, ratesFor } from './shipping-settings';
import { computeTotals } from './totals';
import { newOrderNumber } from './order-number';

/** How long one attempt may hold a submission before another may take it over. */
const leaseMs = 30_000;
const waitStepMs = 50;

type Claim = OrderPlacement & { _id: Types.ObjectId };

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * `order.place`. Exactly one order per (shopper, idempotency key), however many submissions
 * arrive and however they interleave: the first inserts the claim (an `_id` derived from both,
 * which no server lets two inserts share); the others wait for it and answer with its order. A
 * claim is a lease, so an attempt that crashed is taken over after `leaseMs`. The order is written
 * before `order/order.created` is sent and the claim records the send, so a retry after a failed
 * send sends it; the cart is emptied only once the event was accepted.
 */
export async function placeOrder(
  ctx: Pick<CellContext, 'identity' | 'cartToken' | 'logger'>,
  input: PlaceInput,
): Promise<PlacedOrder> {
  const owner = cartOwnerOf(ctx);
  requireCartOwner(owner);
  const scope = owner.accountId ? `account:${owner.accountId}` : `guest:${owner.guestTokenHash}`;
  const keyHash = sha256Hex(input.idempotencyKey);
  const claimId = derivedObjectId(`order-placement:${scope}:${keyHash}`);
  const { OrderPlacement } = await orderDatabase.models();
  const giveUpAt = Date.now() + leaseMs + 5_000;
  /** Inserts a new claim; `undefined` when the key is claimed already (by whom is read next). */
  const claimKey = async () => {
    const fresh = {
      _id: claimId,
      scope,
      keyHash,
      state: 'placing' as const,
      orderId: new Types.ObjectId(),
      leaseUntil: new Date(Date.now() + leaseMs),
    };
    try {
      await OrderPlacement.create(fresh);
      return fresh;
    } catch (error) {
      if (isDuplicateKeyError(error)) return undefined; // another submission claimed it first
      throw error;
    }
  };

  // A first submission (nearly every one) claims at once, without a read that would find nothing.
  const claimed = await claimKey();
  if (claimed) return runClaim(ctx, owner, input, claimed, { orderMayExist: false });
  while (Date.now() < giveUpAt) {
    const claim = await OrderPlacement.findById(claimId).lean<Claim>();
    if (!claim) {
      // The claim was given back (a failed placement): claim it anew.
      const fresh = await claimKey();
      if (fresh) return runClaim(ctx, owner, input, fresh, { orderMayExist: false });
      continue;
    }
    if (claim.state === 'placed' && claim.eventSentAt) return answerFor(claim);
    if (claim.leaseUntil.getTime() > Date.now()) {
      await sleep(waitStepMs);
      continue;
    }
    // The attempt holding it crashed or gave up (a failed event send): take it over.
    const taken = await OrderPlacement.findOneAndUpdate(
      { _id: claimId, leaseUntil: claim.leaseUntil },
      { $set: { leaseUntil: new Date(Date.now() + leaseMs) } },
      { returnDocument: 'after' },
    ).lean<Claim>();
    if (taken) return runClaim(ctx, owner, input, taken, { orderMayExist: true });
  }
  throw new TRPCError({
    code: 'CONFLICT',
    message: 'This order is still being placed; please try again in a moment.',
  });
}

async function answerFor(claim: Pick<Claim, 'orderId'>): Promise<PlacedOrder> {
  const { Order } = await orderDatabase.models();
  const order = await Order.findById(claim.orderId).select({ number: 1, status: 1 }).lean();
  if (!order) throw new Error(`placed order ${claim.orderId.toString()} is missing`);
  return { orderId: claim.orderId.toString(), number: order.number, status: order.status };
}

/**
 * Does (or finishes) the work of a claim this call holds. `orderMayExist`: false for a claim this
 * call just inserted (its order id is new, so there is nothing to look for), true for one taken
 * over from an attempt that may have written the order before it stopped.
 */
async function runClaim(
  ctx: Pick<CellContext, 'logger'>,
  owner: CartOwner,
  input: PlaceInput,
  claim: Pick<Claim, '_id' | 'orderId' | 'state'>,
  { orderMayExist }: { orderMayExist: boolean },
): Promise<PlacedOrder> {
  const { Order, OrderPlacement } = await orderDatabase.models();
  let guestAccessToken: string | undefined;
  let order = orderMayExist ? await Order.findById(claim.orderId).lean() : null;
  if (!order) {
    try {
      const created = await createOrder(owner, input, claim.orderId);
      guestAccessToken = created.guestAccessToken;
      order = created.order;
    } catch (error) {
      // Nothing was placed: free the key, so the shopper can fix the cart and submit it again.
      await OrderPlacement.deleteOne({ _id: claim._id, state: 'placing' });
      throw error;
    }
    await OrderPlacement.updateOne({ _id: claim._id }, { $set: { state: 'placed' } });
  } else if (!order.accountId && order.guestAccessTokenHash) {
    // Finishing an attempt whose caller never got its answer: this caller gets a fresh token.
    guestAccessToken = newSecretToken();
    await Order.updateOne(
      { _id: order._id },
      { $set: { guestAccessTokenHash: sha256Hex(guestAccessToken) } },
    );
  }

  try {
    await sendOrderCreated(order);
  } catch (error) {
    ctx.logger.error({ err: error, orderId: order._id.toString() }, 'order.created not sent');
    // Let the next submission with this key take over at once and send it.
    await OrderPlacement.updateOne({ _id: claim._id }, { $set: { leaseUntil: new Date(0) } });
    throw new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'Your order could not be completed right now; please try again.',
    });
  }
  await OrderPlacement.updateOne(
    { _id: claim._id },
    { $set: { state: 'placed', eventSentAt: new Date() } },
  );

  const orderedSkus = new Set(order.lines.map((line) => line.sku));
  await changeCart(owner, (cart) => ({
    lines: cart.lines.filter((line) => !orderedSkus.has(line.sku)),
    discountCode: null,
    extra: { lastOrderId: order._id },
  }));

  return {
    orderId: order._id.toString(),
    number: order.number,
    status: order.status,
    ...(guestAccessToken && { guestAccessToken }),
  };
}

type CreatedOrder = Awaited<ReturnType<typeof insertOrder>>;

async function createOrder(
  owner: CartOwner,
  input: PlaceInput,
  orderId: Types.ObjectId,
): Promise<{ order: CreatedOrder; guestAccessToken?: string }> {
  const customerKey = customerKeyOf({ accountId: owner.accountId, email: input.email });
  const [{ view, discount }, settings] = await Promise.all([
    pricedCart(owner, { fresh: true }),
    loadCheckoutSettings(),
  ]);
  if (view.lines.length === 0) {
    throw new TRPCError({ code: 'CONFLICT', message: 'Your cart is empty.' });
  }
  const blocked = view.lines.filter((line) => !isBuyable(line));
  if (blocked.length > 0) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `Your cart needs attention: ${view.notices.map((notice) => notice.message).join(' ')}`,
    });
  }
  const method = settings.shippingMethods.find((m) => m.id === input.shippingMethodId);
  if (!method) {
    throw fieldError(['shippingMethodId'], `no shipping method "${input.shippingMethodId}"`);
  }
  // A guest is known by email only now. Their limit is checked without touching the cart, so
  // the shopper can correct the email (or drop the code) and submit again.
  if (discount && customerKey) {
    const forCustomer = await checkDiscount(
      discount.code.code,
      view.subtotalMinor,
      view.currency,
      customerKey,
    );
    if (!forCustomer.ok) throw new TRPCError({ code: 'CONFLICT', message: forCustomer.message });
  }
  // The rates and mode of this moment are copied onto the order: later changes leave it alone.
  const totals = computeTotals({
    lines: view.lines,
    discountMinor: discount?.amountMinor ?? 0,
    shippingMethod: method,
    rates: ratesFor(settings, input.shippingAddress.country),
    pricesIncludeTax: settings.pricesIncludeTax,
    currency: view.currency,
  });
  if (totals.totalMinor !== input.expectedTotalMinor) {
    const changes = view.notices.map((notice) => ` ${notice.message}`).join('');
    throw new TRPCError({
      code: 'CONFLICT',
      message: `Your cart changed: the total is now ${formatMoney(totals.totalMinor, totals.currency)}, not ${formatMoney(input.expectedTotalMinor, totals.currency)}.${changes} Please review your order.`,
    });
  }

  if (discount && customerKey) {
    const refused = await redeemDiscount(orderId, discount.code, customerKey);
    if (refused) throw new TRPCError({ code: 'CONFLICT', message: refused });
  }
  try {
    const guestAccessToken = owner.accountId ? undefined : newSecretToken();
    const order = await insertOrder({
      orderId,
      owner,
      input,
      lines: view.lines,
      totals,
      discount: discount && {
        code: discount.code.code,
        kind: discount.code.kind,
        value: discount.code.value,
      },
      method,
      guestAccessTokenHash: guestAccessToken && sha256Hex(guestAccessToken),
    });
    return { order, ...(guestAccessToken && { guestAccessToken }) };
  } catch (error) {
    await releaseDiscountUse(orderId);
    throw error;
  }
}

async function insertOrder(args: {
  orderId: Types.ObjectId;
  owner: CartOwner;
  input: PlaceInput;
  lines: Awaited<ReturnType<typeof pricedCart>>['view']['lines'];
  totals: ReturnType<typeof computeTotals>;
  discount?: { code: string; kind: 'percentage' | 'fixed'; value: number };
  method: { id: string; name: string; minDays: number; maxDays: number };
  guestAccessTokenHash?: string;
}) {
  const { Order } = await orderDatabase.models();
  const { input, totals, owner } = args;
  const now = new Date();
  const { phone, ...shippingAddress } = input.shippingAddress;
  const create = (number: string) =>
    Order.create({
      _id: args.orderId,
      number,
      ...(owner.accountId && { accountId: new Types.ObjectId(owner.accountId) }),
      status: 'PENDING',
      lines: args.lines.map((line, index) => ({
        productId: line.productId,
        productSlug: line.slug,
        sku: line.sku,
        name: line.name,
        variantLabel: line.variantLabel,
        ...(line.imageUrl && { imageUrl: line.imageUrl }),
        unitPriceMinor: line.unitPriceMinor,
        quantity: line.quantity,
        lineTotalMinor: line.lineTotalMinor,
        ...taxOfLine(totals, index, line.sku),
      })),
      subtotalMinor: totals.subtotalMinor,
      discountMinor: totals.discountMinor,
      shippingMinor: totals.shippingMinor,
      taxMinor: totals.taxMinor,
      taxRateBasisPoints: totals.taxRateBasisPoints,
      pricesIncludeTax: totals.pricesIncludeTax,
      shippingTaxMinor: totals.shippingTaxMinor,
      totalMinor: totals.totalMinor,
      currency: totals.currency,
      ...(args.discount && { discount: args.discount }),
      shipping: {
        methodId: args.method.id,
        name: args.method.name,
        priceMinor: totals.shippingMinor,
        minDays: args.method.minDays,
        maxDays: args.method.maxDays,
      },
      paymentMethod: input.paymentMethod,
      history: [
        {
          to: 'PENDING',
          at: now,
          actor: owner.accountId ? { type: 'customer', id: owner.accountId } : { type: 'customer' },
          reason: 'Order placed',
        },
      ],
      idempotencyKey: `${owner.accountId ? `account:${owner.accountId}` : `guest:${owner.guestTokenHash}`}:${input.idempotencyKey}`,
      ...(args.guestAccessTokenHash && { guestAccessTokenHash: args.guestAccessTokenHash }),
      customer: { name: input.shippingAddress.name, email: input.email, ...(phone && { phone }) },
      shippingAddress: { ...shippingAddress, phone },
      billingAddress: input.billingAddress ?? input.shippingAddress,
    });
  // Random numbers may (rarely) meet an existing one: the unique index refuses it, draw again.
  for (let attempt = 0; ; attempt += 1) {
    try {
      return (await create(newOrderNumber())).toObject();
    } catch (error) {
      if (!isNumberTaken(error) || attempt >= 4) throw error;
    }
  }
}

/** The line's tax as computed for it (lines and their taxes are in the same order). */
function taxOfLine(totals: ReturnType<typeof computeTotals>, index: number, sku: string) {
  const tax = totals.lineTaxes[index];
  if (!tax || tax.sku !== sku) throw new Error(`no tax computed for line ${sku}`);
  return {
    taxClass: tax.taxClass,
    taxRateBasisPoints: tax.taxRateBasisPoints,
    discountMinor: tax.discountMinor,
    taxMinor: tax.taxMinor,
  };
}

/** A duplicate key on `number` (not on `_id`, which is the placement's own claim). */
function isNumberTaken(error: unknown): boolean {
  if (!isDuplicateKeyError(error)) return false;
  const { keyPattern, message } = error as {
    keyPattern?: Record<string, unknown>;
    message?: string;
  };
  return keyPattern ? 'number' in keyPattern : /number_1/.test(message ?? '');
}

/**
 * Starts the order saga. The event id is derived from the order, so a resend after an answer
 * that was lost is deduplicated by Inngest.
 */
async function sendOrderCreated(order: CreatedOrder): Promise<void> {
  const data = orderCreated.schema.parse({
    orderId: order._id.toString(),
    number: order.number,
    ...(order.accountId && { accountId: order.accountId.toString() }),
    ...(order.customer?.email && { email: order.customer.email }),
    name: order.customer?.name ?? '',
    totalMinor: order.totalMinor,
    currency: order.currency,
    paymentMethod: order.paymentMethod ?? 'card',
    lines: order.lines.map((line) => ({
      productId: line.productId,
      sku: line.sku,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
    })),
  });
  await inngestFor('order').send({
    id: `order-created-${order._id.toString()}`,
    name: orderCreated.name,
    data,
  });
}
