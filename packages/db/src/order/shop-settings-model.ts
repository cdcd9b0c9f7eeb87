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
    /** The standard rate (also for shipping): 2100 = 21 %. */
    taxRateBasisPoints: { type: Number, required: true, min: 0, max: 10000, validate: wholeNumber },
    /** The reduced rate (tax class `reduced`); absent: the country's default. */
    reducedRateBasisPoints: { type: Number, min: 0, max: 10000, validate: wholeNumber },
    /** The zero class's rate (normally 0); absent: 0. */
    zeroRateBasisPoints: { type: Number, min: 0, max: 10000, validate: wholeNumber },
  },
  { _id: false },
);

/**
 * The checkout's shipping methods, tax rates and tax mode, one document (`key: 'checkout'`) staff
 * edit as a whole. Without it the cell uses `defaultCheckoutSettings`.
 */
export const shopSettingsSchema = new Schema(
  {
    key: { type: String, required: true },
    /**
     * True: prices (products and shipping) are entered and shown including tax, which is then
     * the part of them that is tax (EU). False: tax is added on top at checkout (US). Absent:
     * the default (`defaultCheckoutSettings.pricesIncludeTax`). See docs/taxes.md.
     */
    pricesIncludeTax: { type: Boolean },
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
 * What a new shop starts with: prices including VAT (an EU shop), standard (free from €50) and
 * express delivery, and each delivery country's standard and reduced VAT/GST rates (US sales tax
 * differs by state: 0 until configured). The zero class is 0 everywhere.
 */
export const defaultCheckoutSettings = {
  pricesIncludeTax: true,
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
    {
      country: 'AT',
      taxRateBasisPoints: 2000,
      reducedRateBasisPoints: 1000,
      zeroRateBasisPoints: 0,
    },
    { country: 'AU', taxRateBasisPoints: 1000, reducedRateBasisPoints: 0, zeroRateBasisPoints: 0 },
    {
      country: 'BE',
      taxRateBasisPoints: 2100,
      reducedRateBasisPoints: 600,
      zeroRateBasisPoints: 0,
    },
    { country: 'CA', taxRateBasisPoints: 500, reducedRateBasisPoints: 500, zeroRateBasisPoints: 0 },
    { country: 'CH', taxRateBasisPoints: 810, reducedRateBasisPoints: 260, zeroRateBasisPoints: 0 },
    {
      country: 'DE',
      taxRateBasisPoints: 1900,
      reducedRateBasisPoints: 700,
      zeroRateBasisPoints: 0,
    },
    {
      country: 'DK',
      taxRateBasisPoints: 2500,
      reducedRateBasisPoints: 2500,
      zeroRateBasisPoints: 0,
    },
    {
      country: 'ES',
      taxRateBasisPoints: 2100,
      reducedRateBasisPoints: 1000,
      zeroRateBasisPoints: 0,
    },
    {
      country: 'FI',
      taxRateBasisPoints: 2550,
      reducedRateBasisPoints: 1400,
      zeroRateBasisPoints: 0,
    },
    {
      country: 'FR',
      taxRateBasisPoints: 2000,
      reducedRateBasisPoints: 550,
      zeroRateBasisPoints: 0,
    },
    {
      country: 'GB',
      taxRateBasisPoints: 2000,
      reducedRateBasisPoints: 500,
      zeroRateBasisPoints: 0,
    },
    {
      country: 'IE',
      taxRateBasisPoints: 2300,
      reducedRateBasisPoints: 1350,
      zeroRateBasisPoints: 0,
    },
    {
      country: 'IT',
      taxRateBasisPoints: 2200,
      reducedRateBasisPoints: 1000,
      zeroRateBasisPoints: 0,
    },
    {
      country: 'LU',
      taxRateBasisPoints: 1700,
      reducedRateBasisPoints: 800,
      zeroRateBasisPoints: 0,
    },
    {
      country: 'NL',
      taxRateBasisPoints: 2100,
      reducedRateBasisPoints: 900,
      zeroRateBasisPoints: 0,
    },
    {
      country: 'NO',
      taxRateBasisPoints: 2500,
      reducedRateBasisPoints: 1500,
      zeroRateBasisPoints: 0,
    },
    {
      country: 'PL',
      taxRateBasisPoints: 2300,
      reducedRateBasisPoints: 800,
      zeroRateBasisPoints: 0,
    },
    {
      country: 'PT',
      taxRateBasisPoints: 2300,
      reducedRateBasisPoints: 600,
      zeroRateBasisPoints: 0,
    },
    {
      country: 'SE',
      taxRateBasisPoints: 2500,
      reducedRateBasisPoints: 1200,
      zeroRateBasisPoints: 0,
    },
    { country: 'US', taxRateBasisPoints: 0, reducedRateBasisPoints: 0, zeroRateBasisPoints: 0 },
  ],
} as const;

export function shopSettingsModel(connection: Connection) {
  return connection.model('ShopSettings', shopSettingsSchema);
}
