import { formatWholeMoney } from '@shop/money';
/**
 * Fixed price ranges for the price facet, in minor units of the catalog's currency. Keys are
 * `<min>-<max>` (max exclusive) or `<min>-` (open-ended), so a filter key is also a range a
 * client can build itself.
 */
export const priceBuckets = [
  { min: 0, max: 2_500 },
  { min: 2_500, max: 5_000 },
  { min: 5_000, max: 10_000 },
  { min: 10_000, max: 25_000 },
  { min: 25_000, max: 50_000 },
  { min: 50_000, max: null },
] as const satisfies readonly PriceRange[];

export interface PriceRange {
  min: number;
  /** Exclusive; null: no upper bound. */
  max: number | null;
}

export function priceRangeKey(range: PriceRange): string {
  return `${range.min}-${range.max ?? ''}`;
}

export const priceBucketKeys: readonly string[] = priceBuckets.map(priceRangeKey);

export function bucketKeyOf(priceMinor: number): string {
  const bucket = priceBuckets.find(
    (range) => priceMinor >= range.min && (range.max === null || priceMinor < range.max),
  );
  return priceRangeKey(bucket ?? priceBuckets[0]);
}

const rangeShape = /^(\d{1,12})-(\d{0,12})$/;

/** Parses a filter key; a string saying what is wrong when it is not a usable range. */
export function parsePriceRange(key: string): PriceRange | string {
  if (key.startsWith('-')) return `price range "${key}" cannot be negative`;
  const match = rangeShape.exec(key);
  if (!match) {
    return `price range "${key}" is not <min>-<max> in minor units (e.g. ${priceBucketKeys[1]})`;
  }
  const min = Number(match[1]);
  const max = match[2] ? Number(match[2]) : null;
  if (max !== null && max <= min) return `price range "${key}" ends before it starts`;
  return { min, max };
}

export function inPriceRange(priceMinor: number, range: PriceRange): boolean {
  return priceMinor >= range.min && (range.max === null || priceMinor < range.max);
}

/** "€25 – €50", "Under €25", "€500 and up" in the catalog's currency. */
export function priceRangeLabel(range: PriceRange, currency: string): string {
  const format = moneyFormatter(currency);
  if (range.min === 0 && range.max !== null) return `Under ${format(range.max)}`;
  if (range.max === null) return `${format(range.min)} and up`;
  return `${format(range.min)} – ${format(range.max)}`;
}

/** Whole currency units ("€25"); a code Intl does not know reads as euros rather than failing. */
function moneyFormatter(currency: string): (minor: number) => string {
  return (minor) => {
    try {
      return formatWholeMoney(minor, currency);
    } catch {
      return formatWholeMoney(minor, 'EUR');
    }
  };
}
