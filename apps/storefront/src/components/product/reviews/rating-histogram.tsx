'use client';

import { classNames } from '@shop/ui';

export interface RatingHistogramProps {
  perStar: number[];
  count: number;
  /** The stars currently filtered by (empty: all). */
  selected: number[];
  onToggle: (stars: number) => void;
}

/**
 * Reviews per star, five stars first. Each row is a button that filters the list to that many
 * stars (pressed again, it clears), so the distribution doubles as the star filter.
 */
export function RatingHistogram({ perStar, count, selected, onToggle }: RatingHistogramProps) {
  return (
    <ul className="mt-4 space-y-1.5" data-testid="rating-histogram">
      {[5, 4, 3, 2, 1].map((stars) => {
        const n = perStar[stars - 1] ?? 0;
        const share = count > 0 ? Math.round((n / count) * 100) : 0;
        const pressed = selected.includes(stars);
        return (
          <li key={stars}>
            <button
              type="button"
              aria-pressed={pressed}
              disabled={n === 0 && !pressed}
              onClick={() => onToggle(stars)}
              className={classNames(
                'grid w-full grid-cols-[4.5rem_1fr_2.5rem] items-center gap-2 rounded px-1 py-0.5 text-left text-sm',
                'hover:bg-surface-muted disabled:cursor-default disabled:opacity-60',
                pressed && 'bg-surface-muted font-semibold',
              )}
            >
              <span>{stars === 1 ? '1 star' : `${stars} stars`}</span>
              <progress
                className="h-2 w-full overflow-hidden rounded [&::-moz-progress-bar]:bg-warning [&::-webkit-progress-bar]:bg-line [&::-webkit-progress-value]:bg-warning"
                max={100}
                value={share}
                aria-label={`${share}% of reviews have ${stars} stars`}
              />
              <span className="text-right tabular-nums text-ink-muted">{n}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
