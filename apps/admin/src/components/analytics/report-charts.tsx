'use client';

import { useState } from 'react';
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
import { BarLabelTick } from './bar-label-tick';

/*
 * Charts for a glance. `accessibilityLayer={false}`: recharts would otherwise make the chart a
 * focusable `role="application"`, a tab stop inside an `aria-hidden` box that says nothing. Each
 * is hidden from assistive tech (`aria-hidden`) because the table below it holds the same
 * numbers; the box's height is known before it draws, so nothing below moves when the chart
 * measures its width after hydration. Colours are the accent and a neutral with enough
 * contrast on the surface (SVG presentation attributes do not read the theme's CSS variables).
 */
const current = '#0f766e';
const previous = '#64748b';
const axis = { fontSize: 12, fill: '#475569' };

function ChartBox({
  testId,
  heightPx = 240,
  onResize,
  children,
}: {
  testId: string;
  /** Known before the chart measures its width, so the box never changes height. */
  heightPx?: number;
  onResize?: (width: number) => void;
  children: React.ReactElement;
}) {
  return (
    <div
      aria-hidden="true"
      className="w-full min-w-0"
      style={{ height: heightPx }}
      data-testid={testId}
    >
      <ResponsiveContainer width="100%" height="100%" minWidth={0} onResize={onResize}>
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
  // No sessions: every later step is a share of none, and an empty frame of axes would say
  // nothing the table's "No sessions in this range." does not (as for the units charts).
  if (!steps[0] || steps[0].count === 0) return null;
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

/** The label column's share of the chart's width, within bounds (px). */
function labelColumnWidth(chartWidth: number | undefined): number {
  if (!chartWidth) return 120;
  return Math.round(Math.min(240, Math.max(96, chartWidth * 0.35)));
}

function UnitsChart({ testId, rows }: { testId: string; rows: { name: string; units: number }[] }) {
  // Measured by the chart's container: the names get a third of a phone's width and up to 240 px
  // on a desktop, wrapped on two lines (bar-label-tick.tsx) rather than cut at a fixed 120 px.
  const [chartWidth, setChartWidth] = useState<number>();
  // Nothing sold: an empty frame of axes would say nothing the table's message does not.
  if (!rows.some((row) => row.units > 0)) return null;
  const labelWidth = labelColumnWidth(chartWidth);
  return (
    // 36 px a bar (room for a two-line name; three bars at least), then the axis and margins.
    <ChartBox
      testId={testId}
      heightPx={Math.max(rows.length, 3) * 36 + 40}
      onResize={setChartWidth}
    >
      <BarChart
        accessibilityLayer={false}
        data={rows}
        layout="vertical"
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="#e2e8f0" horizontal={false} />
        <XAxis type="number" tick={axis} allowDecimals={false} />
        <YAxis
          type="category"
          dataKey="name"
          width={labelWidth}
          interval={0}
          tick={(props) => <BarLabelTick {...props} fill={axis.fill} width={labelWidth - 8} />}
        />
        <Tooltip />
        <Bar dataKey="units" name="Units sold" fill={current} isAnimationActive={false} />
      </BarChart>
    </ChartBox>
  );
}
