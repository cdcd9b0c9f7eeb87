import { formatMoney } from '@shop/money';
import type { RouterOutputs } from '@shop/api/client';
import { Card, SectionHeading, classNames } from '@shop/ui';
import { changeAgainst, type Change } from './change-against';

type SalesSummary = RouterOutputs['order']['salesSummary'];
type Comparison = SalesSummary['currencies'][number]['today'];

const directionStyles: Record<Change['direction'], string> = {
  up: 'text-success',
  down: 'text-danger',
  flat: 'text-ink-muted',
  new: 'text-ink-muted',
};

function Stat({ label, value, change }: { label: string; value: string; change: Change }) {
  return (
    <Card className="flex flex-col gap-1 px-5 py-4">
      <dt className="text-sm text-ink-muted">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums text-ink">{value}</dd>
      <dd className={classNames('text-sm', directionStyles[change.direction])}>{change.text}</dd>
    </Card>
  );
}

function Period({
  id,
  title,
  previousLabel,
  comparison,
  currency,
}: {
  id: string;
  title: string;
  previousLabel: string;
  comparison: Comparison;
  currency: string;
}) {
  const { current, previous } = comparison;
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h3 id={id} className="text-sm font-semibold uppercase tracking-wide text-ink-muted">
        {title}
      </h3>
      <dl className="grid gap-3 sm:grid-cols-3">
        <Stat
          label="Sales"
          value={formatMoney(current.salesMinor, currency)}
          change={changeAgainst(current.salesMinor, previous.salesMinor, previousLabel)}
        />
        <Stat
          label="Orders"
          value={String(current.orders)}
          change={changeAgainst(current.orders, previous.orders, previousLabel)}
        />
        <Stat
          label="Average order"
          value={current.orders ? formatMoney(current.averageOrderMinor, currency) : '—'}
          change={changeAgainst(
            current.averageOrderMinor,
            previous.averageOrderMinor,
            previousLabel,
          )}
        />
      </dl>
    </section>
  );
}

/** Today and this week so far against the same span before, per currency the shop sold in. */
export function SalesOverview({ summary }: { summary: SalesSummary }) {
  return (
    <section aria-labelledby="sales-overview" className="flex flex-col gap-6">
      <SectionHeading
        id="sales-overview"
        title="Sales"
        description="Paid orders net of refunds, tax and shipping included. Days and weeks (from Monday) in UTC, each compared with the period before up to the same time."
      />
      {summary.currencies.length === 0 ? (
        <p className="text-sm text-ink-muted">No paid orders this week or last week yet.</p>
      ) : (
        summary.currencies.map(({ currency, today, week }) => (
          <div key={currency} className="flex flex-col gap-6">
            {summary.currencies.length > 1 ? (
              <p className="text-sm font-medium text-ink">In {currency}</p>
            ) : null}
            <Period
              id={`sales-today-${currency}`}
              title="Today"
              previousLabel="yesterday"
              comparison={today}
              currency={currency}
            />
            <Period
              id={`sales-week-${currency}`}
              title="This week"
              previousLabel="last week"
              comparison={week}
              currency={currency}
            />
          </div>
        ))
      )}
    </section>
  );
}
