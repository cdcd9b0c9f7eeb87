import { hostConfig } from '../../config/host';
import { isDuplicateKeyError } from '@shop/db/claims';
import type { ProductModels, Reservation } from '@shop/db/product';
import { TRPCError } from '@trpc/server';
import type { Logger } from 'pino';
import { applyStockEffects } from './stock-effects';
import {
  holdsUnits,
  restockUnits,
  returnUnits,
  shipUnits,
  takeUnits,
  type Holder,
  type StockChange,
} from './stock-movements';

export interface ReservationLine {
  sku: string;
  quantity: number;
}

type Models = Pick<ProductModels, 'Product' | 'InventoryItem' | 'Reservation'>;
type Log = Pick<Logger, 'warn'>;
type StoredReservation = Reservation & { createdAt?: Date };

/** Default hold: `RESERVATION_TTL_SECONDS` (checked at start; 15 minutes when unset). */
export function defaultReservationTtlSeconds(): number {
  return hostConfig().RESERVATION_TTL_SECONDS;
}

/** A reservation still `pending` this long after it began was abandoned by a crashed call. */
const abandonedPendingMs = 2 * 60_000;

/** The same SKU twice in one request is one line with the quantities added. */
export function mergeLines(lines: readonly ReservationLine[]): ReservationLine[] {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.sku, (totals.get(line.sku) ?? 0) + line.quantity);
  return [...totals].map(([sku, quantity]) => ({ sku, quantity }));
}

const sameLines = (a: readonly ReservationLine[], b: readonly ReservationLine[]) =>
  a.length === b.length &&
  a.every((line) => b.some((other) => other.sku === line.sku && other.quantity === line.quantity));

function conflict(message: string): TRPCError {
  return new TRPCError({ code: 'CONFLICT', message });
}

/**
 * Holds every line or none. Lines are taken one by one with a conditional `$inc` (each atomic on
 * its SKU); when one is short, the lines already taken are given back and the answer names every
 * SKU that is short. Idempotent per `reservationId`: a retry gets the first answer back.
 */
export async function reserveStock(
  models: Models,
  request: { reservationId: string; lines: readonly ReservationLine[]; ttlSeconds?: number },
  logger: Log,
): Promise<{ reservationId: string; expiresAt: string }> {
  const { Reservation, InventoryItem } = models;
  const lines = mergeLines(request.lines);
  const existing = await Reservation.findOne({ reservationId: request.reservationId }).lean();
  if (existing) return answerForExisting(existing, lines);

  const skus = lines.map((line) => line.sku);
  const known = new Set(
    (
      await InventoryItem.find({ sku: { $in: skus } })
        .select({ sku: 1 })
        .lean()
    ).map((item) => item.sku),
  );
  const unknown = skus.filter((sku) => !known.has(sku));
  if (unknown.length > 0) {
    throw new TRPCError({ code: 'NOT_FOUND', message: `Unknown SKU: ${unknown.join(', ')}` });
  }

  const ttlSeconds = request.ttlSeconds ?? defaultReservationTtlSeconds();
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  // Claim the id: of two concurrent calls with one id, only the one that inserts goes on.
  const claimed = await claimReservation(models, request.reservationId, lines, expiresAt);
  if (claimed !== 'claimed') return answerForExisting(claimed, lines);

  const taken: StockChange[] = [];
  let short: ReservationLine | undefined;
  for (const line of lines) {
    const change = await takeUnits(InventoryItem, line.sku, line.quantity, request.reservationId);
    if (!change) {
      if (await holdsUnits(InventoryItem, line.sku, request.reservationId)) {
        // Another call is making this same reservation (only if the claim's upsert raced).
        throw conflict(`Reservation ${request.reservationId} is still being made; retry shortly`);
      }
      short = line;
      break;
    }
    taken.push(change);
    // Recorded after taking: a crash in between can strand units as reserved, never oversell.
    await Reservation.updateOne(
      { reservationId: request.reservationId },
      { $addToSet: { takenSkus: line.sku } },
    );
  }

  if (short) {
    const reservation = { reservationId: request.reservationId, holdsOnItems: true };
    for (const change of taken.reverse()) {
      const line = lines.find((entry) => entry.sku === change.sku);
      // Keyed by the hold, so the sweep of abandoned holds cannot give the same units back too.
      if (line) {
        await moveHeldUnits(models, reservation, line.sku, (holder) =>
          returnUnits(InventoryItem, line.sku, line.quantity, holder),
        );
      }
    }
    await Reservation.deleteOne({ reservationId: request.reservationId, status: 'pending' });
    const stock = new Map(
      (
        await InventoryItem.find({ sku: { $in: skus } })
          .select({ sku: 1, available: 1 })
          .lean()
      ).map((item) => [item.sku, item.available]),
    );
    const shortSkus = lines
      .filter((line) => line === short || (stock.get(line.sku) ?? 0) < line.quantity)
      .map((line) => line.sku);
    throw conflict(`Not enough stock for ${shortSkus.join(', ')}`);
  }

  const activated = await Reservation.updateOne(
    { reservationId: request.reservationId, status: 'pending' },
    { $set: { status: 'active' } },
  );
  if (activated.modifiedCount !== 1) {
    // The sweep judged it abandoned and gave its units back meanwhile.
    throw conflict(`Reservation ${request.reservationId} was abandoned; try again`);
  }
  await applyStockEffects(models, taken, logger);
  return { reservationId: request.reservationId, expiresAt: expiresAt.toISOString() };
}

async function claimReservation(
  { Reservation }: Models,
  reservationId: string,
  lines: ReservationLine[],
  expiresAt: Date,
): Promise<'claimed' | StoredReservation> {
  try {
    const before = await Reservation.findOneAndUpdate(
      { reservationId },
      {
        $setOnInsert: {
          reservationId,
          lines,
          status: 'pending',
          takenSkus: [],
          holdsOnItems: true,
          expiresAt,
        },
      },
      { upsert: true, returnDocument: 'before' },
    ).lean();
    return before ?? 'claimed';
  } catch (error) {
    // On MongoDB the unique index turns the loser of an upsert race into E11000.
    if (!isDuplicateKeyError(error)) throw error;
    const winner = await Reservation.findOne({ reservationId }).lean();
    if (!winner) throw error;
    return winner;
  }
}

function answerForExisting(
  existing: StoredReservation,
  lines: readonly ReservationLine[],
): { reservationId: string; expiresAt: string } {
  if (!sameLines(existing.lines, lines)) {
    throw conflict(`Reservation ${existing.reservationId} was made with different lines`);
  }
  switch (existing.status) {
    case 'active':
    case 'committed':
      return { reservationId: existing.reservationId, expiresAt: existing.expiresAt.toISOString() };
    case 'pending':
      throw conflict(`Reservation ${existing.reservationId} is still being made; retry shortly`);
    default:
      throw conflict(`Reservation ${existing.reservationId} was already ${existing.status}`);
  }
}

export type ReservationOutcome = {
  reservationId: string;
  status: 'released' | 'expired' | 'committed';
};

/** Gives the units back. Idempotent: releasing a released or expired reservation is a no-op. */
export async function releaseStock(
  models: Models,
  reservationId: string,
  logger: Log,
): Promise<ReservationOutcome> {
  const released = await endReservation(
    models,
    { reservationId, status: 'active' },
    'released',
    logger,
  );
  if (released) return { reservationId, status: 'released' };
  const existing = await findReservation(models, reservationId);
  if (existing.status === 'released' || existing.status === 'expired') {
    // A crash half-way through an earlier release: give back what it had not yet.
    if (owesMovements(existing)) await returnHeldUnits(models, existing, logger);
    return { reservationId, status: existing.status };
  }
  if (existing.status === 'committed') {
    throw conflict(`Reservation ${reservationId} was already committed`);
  }
  throw conflict(`Reservation ${reservationId} is still being made; retry shortly`);
}

/**
 * Claims one SKU's held units for a movement (reservations made before holds were recorded on
 * items): removes it from `takenSkus` with a conditional update, so of two callers only one moves
 * those units. A crash after the claim and before the movement strands them as reserved; holds on
 * items (`moveHeldUnits`) are what closed that gap.
 */
async function claimTakenSku(models: Models, reservationId: string, sku: string): Promise<boolean> {
  const claimed = await models.Reservation.updateOne(
    { reservationId, takenSkus: sku },
    { $pull: { takenSkus: sku } },
  );
  return claimed.modifiedCount === 1;
}

type HeldReservation = Pick<StoredReservation, 'reservationId'> & {
  holdsOnItems?: boolean | null;
};

/**
 * Moves one SKU's held units once, however often it is called. With holds on items, `move` itself
 * is the no-op on a repeat (its update requires the hold), so it runs first and the `takenSkus`
 * hint is cleared after: a crash in between leaves a hint that finishing clears. A reservation
 * made before holds were recorded claims the SKU first instead (`claimTakenSku`).
 */
async function moveHeldUnits<T>(
  models: Models,
  reservation: HeldReservation,
  sku: string,
  move: (holder: Holder) => Promise<T>,
): Promise<T | null> {
  const { reservationId } = reservation;
  if (!reservation.holdsOnItems) {
    return (await claimTakenSku(models, reservationId, sku)) ? move(null) : null;
  }
  const moved = await move(reservationId);
  await models.Reservation.updateOne({ reservationId }, { $pull: { takenSkus: sku } });
  return moved;
}

/**
 * Whether an ended reservation may still owe unit movements: always worth a look with holds on
 * items (each movement is a no-op once done); before them, only while `takenSkus` lists SKUs.
 */
function owesMovements(reservation: HeldReservation & { takenSkus: readonly string[] }): boolean {
  return Boolean(reservation.holdsOnItems) || reservation.takenSkus.length > 0;
}

/** Ships the units of every SKU the committed reservation still holds (all of them, or what a crash left). */
async function shipHeldUnits(
  models: Models,
  reservation: HeldReservation & Pick<StoredReservation, 'lines'>,
  logger: Log,
): Promise<void> {
  for (const line of reservation.lines) {
    const shipped = await moveHeldUnits(models, reservation, line.sku, (holder) =>
      shipUnits(models.InventoryItem, line.sku, line.quantity, holder),
    );
    if (shipped === false && !reservation.holdsOnItems) {
      // Only possible if stock was edited around the reservation; the order still stands.
      logger.warn(
        { reservationId: reservation.reservationId, sku: line.sku },
        'committed units were no longer reserved',
      );
    }
  }
}

/**
 * The order completed: the held units leave stock for good. Idempotent, and a retry after a crash
 * half-way finishes the SKUs not yet shipped (see `claimTakenSku`).
 */
export async function commitStock(
  models: Models,
  reservationId: string,
  logger: Log,
): Promise<ReservationOutcome> {
  const { Reservation } = models;
  const committed = await Reservation.findOneAndUpdate(
    { reservationId, status: 'active', expiresAt: { $gt: new Date() } },
    { $set: { status: 'committed' } },
    { returnDocument: 'before' },
  ).lean();
  if (committed) {
    await shipHeldUnits(models, committed, logger);
    return { reservationId, status: 'committed' };
  }
  const existing = await findReservation(models, reservationId);
  if (existing.status === 'committed') {
    // A retry after a crash half-way through: ship what was not shipped yet.
    if (owesMovements(existing)) await shipHeldUnits(models, existing, logger);
    return { reservationId, status: 'committed' };
  }
  if (existing.status === 'active') {
    // Past its time but not yet swept: expire it now rather than sell units it no longer holds.
    await expireReservation(models, reservationId, logger);
    throw conflict(`Reservation ${reservationId} expired`);
  }
  throw conflict(`Reservation ${reservationId} was already ${existing.status}`);
}

/**
 * A committed order was cancelled before it shipped: its units go back on hand (and so become
 * available again). The status flips first in one conditional update, so a retry or a concurrent
 * call cannot put the units back twice. Idempotent: returning a returned reservation is a no-op.
 */
export async function returnStock(
  models: Models,
  reservationId: string,
  logger: Log,
): Promise<{ reservationId: string; status: 'returned' }> {
  const existing = await findReservation(models, reservationId);
  const returned = await models.Reservation.updateOne(
    { reservationId, status: 'committed' },
    // `takenSkus` now lists the SKUs still to put back (what finishing after a crash looks for).
    { $set: { status: 'returned', takenSkus: existing.lines.map((line) => line.sku) } },
  );
  if (returned.modifiedCount === 1) {
    await restockReturnedUnits(models, existing, logger);
    return { reservationId, status: 'returned' };
  }
  const current = await findReservation(models, reservationId);
  if (current.status !== 'returned') {
    throw conflict(`Reservation ${reservationId} is ${existing.status}, not committed`);
  }
  // A retry after a crash half-way through: each SKU's units go back once (`restockUnits`).
  if (current.holdsOnItems) await restockReturnedUnits(models, current, logger);
  return { reservationId, status: 'returned' };
}

/** Puts a returned reservation's units back on hand, each SKU once. */
async function restockReturnedUnits(
  models: Models,
  reservation: HeldReservation & Pick<StoredReservation, 'lines'>,
  logger: Log,
): Promise<void> {
  const holder = reservation.holdsOnItems ? reservation.reservationId : null;
  const changes: StockChange[] = [];
  for (const line of reservation.lines) {
    const change = await restockUnits(models.InventoryItem, line.sku, line.quantity, holder);
    if (change) changes.push(change);
    else if (!holder) {
      logger.warn(
        { reservationId: reservation.reservationId, sku: line.sku },
        'returned units for a SKU that no longer exists',
      );
    }
    await models.Reservation.updateOne(
      { reservationId: reservation.reservationId },
      { $pull: { takenSkus: line.sku } },
    );
  }
  await applyStockEffects(models, changes, logger);
}

/** Expires one reservation if it is active and past its time (a commit that came too late). */
export async function expireReservation(
  models: Models,
  reservationId: string,
  logger: Log,
): Promise<boolean> {
  return endReservation(
    models,
    { reservationId, status: 'active', expiresAt: { $lte: new Date() } },
    'expired',
    logger,
  );
}

/**
 * Ends holds nobody completed, every minute (`sweep-expired-reservations`): expires every active
 * reservation past its time and gives back what abandoned `pending` ones took. Returns how many it
 * ended. This is how a hold ends when its order did not (a saga that died): a card order's saga
 * settles or cancels it at its payment deadline, before the hold runs out (10 and 15 minutes by
 * default), so a timer run per reservation would cost an event and an Inngest run on every order
 * for that rare case. A hold therefore ends within about a minute after its time, not at it.
 */
export async function sweepReservations(models: Models, logger: Log): Promise<number> {
  const now = Date.now();
  const due = await models.Reservation.find({
    $or: [
      { status: 'active', expiresAt: { $lte: new Date(now) } },
      { status: 'pending', createdAt: { $lte: new Date(now - abandonedPendingMs) } },
    ],
  })
    .select({ reservationId: 1, status: 1 })
    .limit(500)
    .lean();
  let ended = 0;
  for (const reservation of due) {
    const filter =
      reservation.status === 'active'
        ? {
            reservationId: reservation.reservationId,
            status: 'active' as const,
            expiresAt: { $lte: new Date(now) },
          }
        : { reservationId: reservation.reservationId, status: 'pending' as const };
    if (await endReservation(models, filter, 'expired', logger)) ended += 1;
  }
  await finishCutShortMovements(models, now, logger);
  return ended;
}

/** Long enough that a call still moving a reservation's units has finished. */
const cutShortAfterMs = 60_000;

/**
 * Ended reservations whose unit movements a crash cut short (their `takenSkus` hint is not empty)
 * are finished: shipped, given back or put back on hand, each SKU once.
 */
async function finishCutShortMovements(models: Models, now: number, logger: Log): Promise<void> {
  const cutShort = await models.Reservation.find({
    status: { $in: ['committed', 'released', 'expired', 'returned'] },
    'takenSkus.0': { $exists: true },
    holdsOnItems: true,
    updatedAt: { $lte: new Date(now - cutShortAfterMs) },
  })
    .limit(100)
    .lean();
  for (const reservation of cutShort) {
    logger.warn(
      { reservationId: reservation.reservationId, status: reservation.status },
      'finishing stock movements a crash cut short',
    );
    if (reservation.status === 'committed') await shipHeldUnits(models, reservation, logger);
    else if (reservation.status === 'returned') {
      await restockReturnedUnits(models, reservation, logger);
    } else await returnHeldUnits(models, reservation, logger);
  }
}

/**
 * Flips the status first (one conditional update, so two callers cannot both give the units
 * back), then returns the units of the SKUs it holds.
 */
async function endReservation(
  models: Models,
  filter: Record<string, unknown>,
  status: 'released' | 'expired',
  logger: Log,
): Promise<boolean> {
  const ended = await models.Reservation.findOneAndUpdate(
    filter,
    { $set: { status } },
    {
      returnDocument: 'before',
    },
  ).lean();
  if (!ended) return false;
  await returnHeldUnits(models, ended, logger);
  return true;
}

/** Returns the units of every SKU an ended reservation still holds (see `moveHeldUnits`). */
async function returnHeldUnits(
  models: Models,
  reservation: HeldReservation & Pick<StoredReservation, 'lines' | 'takenSkus'>,
  logger: Log,
): Promise<void> {
  const changes: StockChange[] = [];
  for (const line of reservation.lines) {
    // Before holds on items, only what `takenSkus` lists was taken.
    if (!reservation.holdsOnItems && !reservation.takenSkus.includes(line.sku)) continue;
    const change = await moveHeldUnits(models, reservation, line.sku, (holder) =>
      returnUnits(models.InventoryItem, line.sku, line.quantity, holder),
    );
    if (change) changes.push(change);
  }
  await applyStockEffects(models, changes, logger);
}

async function findReservation(models: Models, reservationId: string): Promise<StoredReservation> {
  const existing = await models.Reservation.findOne({ reservationId }).lean();
  if (!existing) {
    throw new TRPCError({ code: 'NOT_FOUND', message: `No reservation ${reservationId}` });
  }
  return existing;
}
