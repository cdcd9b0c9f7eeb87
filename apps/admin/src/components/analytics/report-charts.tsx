'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/*
 * Charts for a glance. `accessibilityLayer={false}`: recharts would otherwise make the chart a
 * focusable `role="application"`, a tab stop inside an `aria-hidden` box that says nothing. Each is hidden from assistive tech (`aria-hidden`) because the table
 * below it holds the same numbers; the box has a fixed height, so nothing below moves when the
 * chart measures its width after hydration. Colours are the accent and a neutral with enough
 * contrast on the surface (SVG presentation attributes do not read the theme's CSS variables).
 */
const current = '#0f766e';
const previous = '#64748b';
const axis = { fontSize: 12, fill: '#475569' };

function ChartBox({ testId, children }: { testId: string; children: React.ReactElement }) {
  return (
    <div aria-hidden="true" className="h-60 w-full min-w-0" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%" minWidth={0}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/** Revenue per period (major units, one currency) with the previous period's beside it. */
export function SalesChart({
  points,
}: {
  points: { period: string; revenue: number; previousRevenue: number }[];
}) {
  return (
    <ChartBox testId="sales-chart">
      <LineChart
        accessibilityLayer={false}
        data={points}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="period" tick={axis} minTickGap={24} />
        <YAxis tick={axis} width={56} />
        <Tooltip />
        <Legend />
        <Line
          type="monotone"
          dataKey="revenue"
          name="This period"
          stroke={current}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="previousRevenue"
          name="Previous period"
          stroke={previous}
          strokeDasharray="4 4"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartBox>
  );
}

/** Sessions reaching each funnel step, for the whole shop. */
export function FunnelChart({ steps }: { steps: { step: string; count: number }[] }) {
  // Horizontal bars: five step names side by side overlap at phone width.
  return (
    <ChartBox testId="funnel-chart">
      <BarChart
        accessibilityLayer={false}
        data={steps}
        layout="vertical"
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="#e2e8f0" horizontal={false} />
        <XAxis type="number" tick={axis} allowDecimals={false} />
        <YAxis type="category" dataKey="step" tick={axis} width={100} />
        <Tooltip />
        <Bar dataKey="count" name="Sessions" fill={current} isAnimationActive={false} />
      </BarChart>
    </ChartBox>
  );
}

/** Units sold per best-selling product, longest bar first. */
export function TopProductsChart({ products }: { products: { name: string; units: number }[] }) {
  return <UnitsChart testId="products-chart" rows={products} />;
}

/** Units sold per category, longest bar first. */
export function TopCategoriesChart({
  categories,
}: {
  categories: { name: string; units: number }[];
}) {
  return <UnitsChart testId="categories-chart" rows={categories} />;
}

function UnitsChart({ testId, rows }: { testId: string; rows: { name: string; units: number }[] }) {
  // Nothing sold: an empty frame of axes would say nothing the table's message does not.
  if (!rows.some((row) => row.units > 0)) return null;
  return (
    <ChartBox testId={testId}>
      <BarChart
        accessibilityLayer={false}
        data={rows}
        layout="vertical"
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="#e2e8f0" horizontal={false} />
        <XAxis type="number" tick={axis} allowDecimals={false} />
        <YAxis type="category" dataKey="name" tick={axis} width={120} />
        <Tooltip />
        <Bar dataKey="units" name="Units sold" fill={current} isAnimationActive={false} />
      </BarChart>
    </ChartBox>
  );
}
