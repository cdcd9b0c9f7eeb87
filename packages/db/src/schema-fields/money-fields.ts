/**
 * Money is an integer number of minor units (cents) plus an ISO 4217 currency code: floats cannot
 * represent most decimal prices exactly, and sums of them drift.
 */
export function minorUnitsField() {
  return {
    type: Number,
    required: true,
    min: 0,
    validate: {
      validator: Number.isInteger,
      message: '{PATH} must be a whole number of minor units',
    },
  } as const;
}

export function currencyField() {
  return {
    type: String,
    required: true,
    uppercase: true,
    trim: true,
    match: [/^[A-Z]{3}$/, '{PATH} must be an ISO 4217 code such as EUR'],
  } as const;
}
