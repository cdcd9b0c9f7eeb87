'use client';

import { Text, type YAxisTickContentProps } from 'recharts';

/** The lines a name may take beside its bar before the rest is cut with an ellipsis. */
const maxLines = 2;

/**
 * A product's or category's name beside its bar: wrapped within the label column (`width`) onto
 * two lines and cut with "…" past them. The full name is the label's title (shown on hover), and
 * the table below the chart holds every name whole.
 */
export function BarLabelTick({
  x,
  y,
  payload,
  width,
  fill,
}: Pick<YAxisTickContentProps, 'x' | 'y' | 'payload' | 'fill'> & { width: number }) {
  const name = String(payload.value);
  return (
    <g>
      <title>{name}</title>
      <Text
        x={x}
        y={y}
        width={width}
        maxLines={maxLines}
        lineHeight="1.2em"
        textAnchor="end"
        verticalAnchor="middle"
        fontSize={12}
        fill={fill}
        className="recharts-cartesian-axis-tick-value"
      >
        {name}
      </Text>
    </g>
  );
}
