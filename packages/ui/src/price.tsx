import { classNames } from './class-names';
import { formatMoney } from './format-money';

export interface PriceProps {
  /** Integer minor units (cents). */
  minor: number;
  currency: string;
  locale?: string;
  className?: string;
}

/** A formatted price; the machine-readable amount rides along in `data-minor` for tests. */
export function Price({ minor, currency, locale, className }: PriceProps) {
  return (
    <span
      className={classNames('font-semibold tabular-nums text-ink', className)}
      data-minor={minor}
      data-currency={currency}
    >
      {formatMoney(minor, currency, locale)}
    </span>
  );
}
