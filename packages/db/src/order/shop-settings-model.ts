import { type Connection, type InferSchemaType, Schema } from 'mongoose';
import { minorUnitsField } from '../schema-fields/money-fields';

const wholeNumber = {
  validator: Number.isInteger,
  message: '{PATH} must be a whole number',
} as const;

const shippingMethodSchema = new Schema(
  {
    /** Stable id the checkout sends, e.g. `standard`. */
    id: { type: String, required: true, trim: true },
    name: { type: String, required: true, trim: true },
    description: { type: String, default: '', trim: true },
    priceMinor: minorUnitsField(),
    /** Free when the discounted subtotal reaches this (absent: never free). */
    freeOverMinor: { type: Number, min: 0, validate: wholeNumber },
    minDays: { type: Number, required: true, min: 0, validate: wholeNumber },
    maxDays: { type: Number, required: true, min: 0, validate: wholeNumber },
  },
  { _id: false },
);

const taxRateSchema = new Schema(
  {
    /** ISO 3166-1 alpha-2. */
    country: { type: String, required: true, match: /^[A-Z]{2}$/ },
    /** 2100 = 21 %. */
    taxRateBasisPoints: { type: Number, required: true, min: 0, max: 10000, validate: wholeNumber },
  },
  { _id: false },
);

/**
 * The checkout's shipping methods and tax rates, one document (`key: 'checkout'`) staff edit as a
 * whole. Without it the cell uses `defaultCheckoutSettings`.
 */
export const shopSettingsSchema = new Schema(
  {
    key: { type: String, required: true },
    shippingMethods: { type: [shippingMethodSchema], default: [] },
    taxRates: { type: [taxRateSchema], default: [] },
  },
  { timestamps: true },
);
shopSettingsSchema.index({ key: 1 }, { unique: true });

export type ShopSettings = InferSchemaType<typeof shopSettingsSchema>;
export type ShippingMethodSetting = InferSchemaType<typeof shippingMethodSchema>;
export type TaxRateSetting = InferSchemaType<typeof taxRateSchema>;

export const checkoutSettingsKey = 'checkout';

/**
 * What a new shop starts with: standard (free from €50) and express delivery, and each
 * delivery country's standard VAT/GST rate (US sales tax differs by state: 0 until configured).
 */
export const defaultCheckoutSettings = {
  shippingMethods: [
    {
      id: 'standard',
      name: 'Standard delivery',
      description: 'Tracked parcel, 3–5 working days',
      priceMinor: 495,
      freeOverMinor: 5000,
      minDays: 3,
      maxDays: 5,
    },
    {
      id: 'express',
      name: 'Express delivery',
      description: 'Next working day when ordered before 15:00',
      priceMinor: 1295,
      minDays: 1,
      maxDays: 2,
    },
  ],
  taxRates: [
    { country: 'AT', taxRateBasisPoints: 2000 },
    { country: 'AU', taxRateBasisPoints: 1000 },
    { country: 'BE', taxRateBasisPoints: 2100 },
    { country: 'CA', taxRateBasisPoints: 500 },
    { country: 'CH', taxRateBasisPoints: 810 },
    { country: 'DE', taxRateBasisPoints: 1900 },
    { country: 'DK', taxRateBasisPoints: 2500 },
    { country: 'ES', taxRateBasisPoints: 2100 },
    { country: 'FI', taxRateBasisPoints: 2550 },
    { country: 'FR', taxRateBasisPoints: 2000 },
    { country: 'GB', taxRateBasisPoints: 2000 },
    { country: 'IE', taxRateBasisPoints: 2300 },
    { country: 'IT', taxRateBasisPoints: 2200 },
    { country: 'LU', taxRateBasisPoints: 1700 },
    { country: 'NL', taxRateBasisPoints: 2100 },
    { country: 'NO', taxRateBasisPoints: 2500 },
    { country: 'PL', taxRateBasisPoints: 2300 },
    { country: 'PT', taxRateBasisPoints: 2300 },
    { country: 'SE', taxRateBasisPoints: 2500 },
    { country: 'US', taxRateBasisPoints: 0 },
  ],
} as const;

export function shopSettingsModel(connection: Connection) {
  return connection.model('ShopSettings', shopSettingsSchema);
}
