import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';

const wholeNonNegative = {
  type: Number,
  required: true,
  default: 0,
  min: 0,
  validate: { validator: Number.isInteger, message: '{PATH} must be a whole number' },
} as const;

/** At or below this many available units a SKU counts as low on stock, unless set per SKU. */
export const defaultLowStockThreshold = 5;

/**
 * Stock of one SKU. `available` is kept equal to `onHand - reserved` by every write, so a
 * reservation is one conditional update (`available >= qty` then `$inc`), atomic on a single
 * document, and can never oversell or go negative.
 */
export const inventoryItemSchema = new Schema(
  {
    sku: { type: String, required: true, trim: true, uppercase: true },
    productId: { type: Schema.Types.ObjectId, required: true },
    onHand: wholeNonNegative,
    reserved: wholeNonNegative,
    available: wholeNonNegative,
    /** At or below this many available units the admin flags the SKU as low on stock. */
    lowStockThreshold: { ...wholeNonNegative, default: defaultLowStockThreshold },
    /**
     * Keys of the last staff adjustments applied (a stock CSV's import id): the adjustment's
     * update requires its key to be absent and adds it, so a retried import never moves stock twice.
     */
    movementKeys: { type: [String], default: [] },
    /**
     * The reservations holding units of this SKU right now. A hold's units move (taken, shipped,
     * given back) in the same single-document update that adds or removes its id here, so a call
     * retried after a crash can tell whether its movement already happened: no movement is lost
     * or made twice without multi-document transactions.
     */
    holds: { type: [String], default: [] },
    /** Ids of the last committed reservations whose units were put back (see `holds`). */
    returnedHolds: { type: [String], default: [] },
  },
  { timestamps: true },
);
inventoryItemSchema.index({ sku: 1 }, { unique: true });
inventoryItemSchema.index({ productId: 1 });
// The admin's low-stock filter: the SKUs with at most the highest threshold available (a range
// of this index, productId read from it), and that highest threshold.
inventoryItemSchema.index({ available: 1, lowStockThreshold: 1, productId: 1 });
inventoryItemSchema.index({ lowStockThreshold: -1 });

export type InventoryItem = InferSchemaType<typeof inventoryItemSchema>;
export type InventoryItemDocument = HydratedDocument<InventoryItem>;

export function inventoryItemModel(connection: Connection) {
  return connection.model('InventoryItem', inventoryItemSchema);
}
