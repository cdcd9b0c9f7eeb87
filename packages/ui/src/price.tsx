import { classNames } from './class-names';
import { formatMoney } from '@shop/money';

export interface PriceProps {
  /** Integer minor units (cents). */
  minor: number;
  currency: string;
  /** The highest price of the product's variants: when above `minor`, shown as "from $10.00". */
  maxMinor?: number;
  /** The price before a sale; shown struck through when higher than `minor`. */
  compareAtMinor?: number | null;
  locale?: string;
  className?: string;
}

/**
 * A formatted price ("from" the cheapest when variants differ), with the old price struck
 * through when on sale. The
 * machine-readable amount rides along in `data-minor` for tests.
 */
export function Price({
  minor,
  currency,
  maxMinor,
  compareAtMinor,
  locale,
  className,
}: PriceProps) {
  const onSale = compareAtMinor != null && compareAtMinor > minor;
  const range = maxMinor != null && maxMinor > minor;
  return (
    <span
      className={classNames('inline-flex flex-wrap items-baseline gap-x-2', className)}
      data-testid="price"
      data-minor={minor}
      data-currency={currency}
    >
      <span
        className={classNames('font-semibold tabular-nums', onSale ? 'text-danger' : 'text-ink')}
      >
        {range ? <span className="text-[0.8em] font-normal text-ink-muted">from </span> : null}
        {onSale ? <span className="sr-only">Sale price </span> : null}
        {formatMoney(minor, currency, locale)}
      </span>
      {onSale ? (
        <s
          className="text-[0.8em] font-normal text-ink-subtle tabular-nums"
          data-testid="compare-at-price"
        >
          <span className="sr-only">Was </span>
          {formatMoney(compareAtMinor, currency, locale)}
        </s>
      ) : null}
    </span>
  );
}
