import { closeDatabaseConnections, connectDomainDatabase } from '@shop/db';
import { notificationModels } from '@shop/db/notification';
import { orderModels } from '@shop/db/order';
import { paymentModels } from '@shop/db/payment';
import { productModels } from '@shop/db/product';
import { z } from 'zod';

/** Each load SKU's counts when the faults began: the baseline the ledger is checked against. */
export type StockBaseline = Map<string, number>;

export async function stockBaseline(uri: string, skus: string[]): Promise<StockBaseline> {
  const connection = await connectDomainDatabase('product', { uri });
  const items = await productModels(connection)
    .InventoryItem.find({ sku: { $in: skus } }, { sku: 1, onHand: 1 })
    .lean();
  return new Map(items.map((item) => [item.sku, item.onHand]));
}

export interface Reconciliation {
  orders: Record<string, number>;
  problems: string[];
  emails: { recorded: number; captured: number };
}

const settledStatuses = new Set(['CONFIRMED', 'CANCELLED']);
const heldStatuses = ['pending', 'active'] as const;
const isHeld = (status: string) => (heldStatuses as readonly string[]).includes(status);

/**
 * After the faults, with the load stopped: every order placed since `since` ended CONFIRMED or
 * CANCELLED; a confirmed order has a committed reservation and a succeeded payment of its total,
 * a cancelled one neither; each load SKU's reserved count equals the held reservations and its
 * on-hand count fell by exactly the committed quantities; and the mail the platform recorded as
 * sent is what the SMTP capture received, none twice.
 */
export async function reconcile(input: {
  uri: string;
  since: Date;
  baseline: StockBaseline;
  mailInboxUrl: string;
}): Promise<Reconciliation> {
  const problems: string[] = [];
  const { Order } = orderModels(await connectDomainDatabase('order', { uri: input.uri }));
  const { Payment } = paymentModels(await connectDomainDatabase('payment', { uri: input.uri }));
  const { InventoryItem, Reservation } = productModels(
    await connectDomainDatabase('product', { uri: input.uri }),
  );
  const { Message } = notificationModels(
    await connectDomainDatabase('notification', { uri: input.uri }),
  );
  try {
    const orders = await Order.find({ createdAt: { $gte: input.since } }).lean();
    const counts: Record<string, number> = {};
    for (const order of orders) counts[order.status] = (counts[order.status] ?? 0) + 1;
    const reservations = new Map(
      (await Reservation.find({ createdAt: { $gte: input.since } }).lean()).map((r) => [
        r.reservationId,
        r,
      ]),
    );
    const payments = new Map(
      (
        await Payment.find({ orderId: { $in: orders.map((order) => String(order._id)) } }).lean()
      ).map((p) => [p.orderId, p]),
    );
    for (const order of orders) {
      const id = `${order.number} (${order.status})`;
      if (!settledStatuses.has(order.status)) problems.push(`order ${id} did not settle`);
      const reservation = reservations.get(order.reservationId ?? order.number);
      const payment = payments.get(String(order._id));
      if (order.status === 'CONFIRMED') {
        if (reservation?.status !== 'committed')
          problems.push(
            `order ${id}: reservation ${reservation?.status ?? 'missing'}, not committed`,
          );
        if (payment?.status !== 'succeeded' || payment.amountMinor !== order.totalMinor)
          problems.push(
            `order ${id}: payment ${payment?.status ?? 'missing'} ${payment?.amountMinor ?? '-'} for a total of ${order.totalMinor}`,
          );
      }
      if (order.status === 'CANCELLED') {
        if (reservation && isHeld(reservation.status))
          problems.push(`order ${id}: reservation still ${reservation.status}`);
        if (reservation?.status === 'committed')
          problems.push(`order ${id}: cancelled but its reservation is committed`);
        if (payment?.status === 'succeeded') problems.push(`order ${id}: cancelled but paid`);
      }
    }

    const skus = [...input.baseline.keys()];
    const items = await InventoryItem.find({ sku: { $in: skus } }).lean();
    const allHeld = await Reservation.find({ status: { $in: [...heldStatuses] } }).lean();
    type Lines = { lines: { sku: string; quantity: number }[] }[];
    for (const item of items) {
      const quantityIn = (list: Lines) =>
        list
          .flatMap((r) => r.lines)
          .filter((line) => line.sku === item.sku)
          .reduce((sum, line) => sum + line.quantity, 0);
      const held = quantityIn(allHeld);
      const committed = quantityIn(
        [...reservations.values()].filter((r) => r.status === 'committed'),
      );
      const sold = orders
        .filter((order) => order.status === 'CONFIRMED')
        .flatMap((order) => order.lines)
        .filter((line) => line.sku === item.sku)
        .reduce((sum, line) => sum + line.quantity, 0);
      const fell = (input.baseline.get(item.sku) ?? 0) - item.onHand;
      if (item.reserved !== held)
        problems.push(`${item.sku}: reserved ${item.reserved}, held by reservations ${held}`);
      if (fell !== committed || committed !== sold)
        problems.push(
          `${item.sku}: on hand fell ${fell}, committed ${committed}, sold in confirmed orders ${sold}`,
        );
      if (item.available !== item.onHand - item.reserved)
        problems.push(
          `${item.sku}: available ${item.available} != on hand ${item.onHand} - reserved ${item.reserved}`,
        );
    }

    // Sent since the faults began, by when it was sent as well as made: a message made before
    // (an order cancelled just before) and sent after is captured after `since`, so it counts.
    const recorded = await Message.find({
      status: 'sent',
      $or: [{ createdAt: { $gte: input.since } }, { sentAt: { $gte: input.since } }],
    }).lean();
    const seen = new Set<string>();
    for (const message of recorded) {
      const key = `${message.template}|${message.dedupeKey ?? String(message._id)}|${message.to}`;
      if (seen.has(key))
        problems.push(`email recorded twice: ${message.template} (${message.dedupeKey})`);
      seen.add(key);
    }
    // The capture's JSON API (packages/mail-capture): only what is compared here.
    const inbox = z
      .object({
        items: z.array(
          z.object({
            to: z.array(z.string()),
            receivedAt: z.string(),
            headers: z.record(z.string(), z.string()).default({}),
          }),
        ),
      })
      .parse(await (await fetch(`${input.mailInboxUrl}/api/messages`)).json());
    const captured = inbox.items.filter((m) => new Date(m.receivedAt) >= input.since);
    // Every attempt at one message carries the same Message-ID (stable-message-id.ts in the
    // notification cell): two captures with one id are one email sent twice.
    const copies = new Map<string, number>();
    for (const message of captured) {
      const id = message.headers['message-id'];
      if (id) copies.set(id, (copies.get(id) ?? 0) + 1);
    }
    for (const [id, n] of copies) {
      if (n > 1) problems.push(`email sent ${n} times: Message-ID ${id}`);
    }
    // Per recipient: each message the platform recorded as sent arrived once, and nothing else.
    const count = (addresses: string[]) => {
      const map = new Map<string, number>();
      for (const address of addresses) map.set(address, (map.get(address) ?? 0) + 1);
      return map;
    };
    const recordedTo = count(recorded.map((m) => m.to.toLowerCase()));
    const capturedTo = count(captured.flatMap((m) => m.to.map((to) => to.toLowerCase())));
    for (const address of new Set([...recordedTo.keys(), ...capturedTo.keys()])) {
      const r = recordedTo.get(address) ?? 0;
      const c = capturedTo.get(address) ?? 0;
      if (r === c) continue;
      // What the platform holds for that address, to tell a lost record from a lost send.
      const held = await Message.find({ to: address }, { template: 1, status: 1 }).lean();
      const detail = held.map((m) => `${m.template} ${m.status}`).join(', ') || 'no message record';
      problems.push(
        `email to ${address}: ${r} recorded as sent, ${c} received by SMTP (${detail})`,
      );
    }
    const confirmations = recorded.filter((m) => /confirm/i.test(m.template)).length;
    const confirmed = counts.CONFIRMED ?? 0;
    if (confirmations < confirmed)
      problems.push(`${confirmed} orders confirmed but ${confirmations} confirmation emails sent`);
    return {
      orders: counts,
      problems,
      emails: { recorded: recorded.length, captured: captured.length },
    };
  } finally {
    await closeDatabaseConnections();
  }
}
