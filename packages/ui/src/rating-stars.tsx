import { classNames } from './class-names';

export interface RatingStarsProps {
  /** 0 to 5, any precision. */
  average: number;
  count: number;
  /** Show "(123)" after the stars. */
  showCount?: boolean;
  className?: string;
}

/**
 * Five stars filled to the average, with the figures in words for screen readers ("4.3 out of 5
 * stars, 12 reviews"). Nothing when there are no reviews: an empty row of stars reads as "bad".
 */
export function RatingStars({ average, count, showCount = true, className }: RatingStarsProps) {
  if (count <= 0) return null;
  const clamped = Math.min(5, Math.max(0, average));
  const percent = (clamped / 5) * 100;
  const label = `${clamped.toFixed(1)} out of 5 stars, ${count} ${count === 1 ? 'review' : 'reviews'}`;
  return (
    <span
      className={classNames('inline-flex items-center gap-1.5 text-sm text-ink-muted', className)}
      data-testid="rating"
    >
      <span className="sr-only">{label}</span>
      <span aria-hidden="true" className="relative inline-block leading-none tracking-[0.1em]">
        <span className="text-line-strong">★★★★★</span>
        <span
          className="absolute inset-y-0 left-0 overflow-hidden text-warning"
          style={{ width: `${percent}%` }}
        >
          ★★★★★
        </span>
      </span>
      {showCount ? (
        <span aria-hidden="true" className="tabular-nums">
          {clamped.toFixed(1)} ({count})
        </span>
      ) : null}
    </span>
  );
}
