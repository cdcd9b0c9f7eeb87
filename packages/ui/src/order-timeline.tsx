import { classNames } from './class-names';
import { orderStatusLabel } from './order-status-badge';

/** One status change as an order's history reports it (the order view's `history[]`). */
export interface OrderTimelineEntry {
  from?: string | null;
  to: string;
  /** ISO string (over the wire) or Date. */
  at: string | Date;
  actorType: string;
  reason?: string | null;
}

export interface OrderTimelineProps {
  status: string;
  /** Oldest first. */
  history: readonly OrderTimelineEntry[];
  /** Shoppers read "you" and "our team"; staff read who did it by role. */
  audience?: 'customer' | 'staff';
  /** Shown under the cancelled step when the history entry itself gives no reason. */
  cancellationMessage?: string | null;
  className?: string;
}

/** The road an order takes when nothing goes wrong; CANCELLED can branch off before SHIPPED. */
const happyPath = [
  'PENDING',
  'PAYMENT_PROCESSING',
  'CONFIRMED',
  'PROCESSING',
  'SHIPPED',
  'DELIVERED',
] as const;

const actorWords: Record<'customer' | 'staff', Record<string, string>> = {
  customer: { customer: 'By you', staff: 'By our team', system: 'Automatically' },
  staff: { customer: 'By the customer', staff: 'By staff', system: 'By the system' },
};

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** "24 Nov 2026, 02:11 UTC": the server renders it, so the zone is said rather than guessed. */
export function formatOrderTime(at: string | Date): string {
  const date = at instanceof Date ? at : new Date(at);
  return Number.isNaN(date.getTime()) ? '' : `${timeFormat.format(date)} UTC`;
}

type Step =
  | { kind: 'reached'; entry: OrderTimelineEntry; current: boolean }
  | { kind: 'note'; entry: OrderTimelineEntry }
  | { kind: 'upcoming'; status: string };

/** An entry that records something without moving the order (e.g. a refund): from === to. */
const isNote = (entry: OrderTimelineEntry) => entry.from != null && entry.from === entry.to;

/**
 * Every status the order reached (from its history, with notes such as refunds where they
 * happened), then the ones still ahead of it. The current step is the last real transition.
 */
export function timelineSteps(status: string, history: readonly OrderTimelineEntry[]): Step[] {
  const lastMove = history.findLastIndex((entry) => !isNote(entry));
  const reached: Step[] = history.map((entry, index) =>
    isNote(entry)
      ? { kind: 'note', entry }
      : { kind: 'reached', entry, current: index === lastMove },
  );
  if (status === 'CANCELLED' || status === 'DELIVERED') return reached;
  const last = history[lastMove]?.to ?? status;
  const position = happyPath.indexOf(last as (typeof happyPath)[number]);
  if (position < 0) return reached;
  const upcoming: Step[] = happyPath
    .slice(position + 1)
    .map((next) => ({ kind: 'upcoming', status: next }));
  return [...reached, ...upcoming];
}

/**
 * An order's status timeline as an ordered list: each status reached with its time, who moved
 * it and why, the current one marked (`aria-current="step"`), then the steps still to come.
 * A cancelled order ends on a clearly marked "Cancelled" step with its reason.
 */
export function OrderTimeline({
  status,
  history,
  audience = 'customer',
  cancellationMessage,
  className,
}: OrderTimelineProps) {
  const steps = timelineSteps(status, history);
  return (
    <ol aria-label="Order progress" className={classNames('flex flex-col', className)}>
      {steps.map((step, index) => {
        const isLast = index === steps.length - 1;
        if (step.kind === 'upcoming') {
          return (
            <li
              key={`upcoming-${step.status}`}
              className="relative flex gap-3 pb-5 last:pb-0"
              data-testid="timeline-step"
              data-state="upcoming"
            >
              <Rail last={isLast} />
              <span
                aria-hidden="true"
                className="relative z-10 mt-0.5 size-4 shrink-0 rounded-full border-2 border-line-strong bg-surface"
              />
              <div className="min-w-0 text-sm">
                <p className="text-ink-subtle">
                  {orderStatusLabel(step.status)}
                  <span className="sr-only"> (not yet)</span>
                </p>
              </div>
            </li>
          );
        }
        if (step.kind === 'note') {
          const reason = step.entry.reason?.trim();
          return (
            <li
              key={`note-${index}`}
              className="relative flex gap-3 pb-5 last:pb-0"
              data-testid="timeline-step"
              data-state="note"
            >
              <Rail last={isLast} />
              <span
                aria-hidden="true"
                className="relative z-10 grid size-4 shrink-0 place-items-center"
              >
                <span className="size-2 rounded-full bg-ink-subtle" />
              </span>
              <div className="min-w-0 text-sm">
                <p className="text-ink">{reason || 'Updated'}</p>
                <p className="text-ink-muted">
                  <time dateTime={new Date(step.entry.at).toISOString()}>
                    {formatOrderTime(step.entry.at)}
                  </time>
                  <span aria-hidden="true"> · </span>
                  <span className="sr-only">, </span>
                  {actorWords[audience][step.entry.actorType] ?? step.entry.actorType}
                </p>
              </div>
            </li>
          );
        }
        const { entry, current } = step;
        const cancelled = entry.to === 'CANCELLED';
        // Delivered is the end of the road: shown done, not as a step still under way.
        const underWay = current && entry.to !== 'DELIVERED';
        const reason = entry.reason?.trim() || (cancelled ? cancellationMessage?.trim() : '') || '';
        const actor = actorWords[audience][entry.actorType] ?? entry.actorType;
        return (
          <li
            key={`${entry.to}-${index}`}
            aria-current={current ? 'step' : undefined}
            className="relative flex gap-3 pb-5 last:pb-0"
            data-testid="timeline-step"
            data-state={cancelled ? 'cancelled' : current ? 'current' : 'done'}
            data-status={entry.to}
          >
            <Rail last={isLast} />
            <span
              aria-hidden="true"
              className={classNames(
                'relative z-10 mt-0.5 grid size-4 shrink-0 place-items-center rounded-full text-on-accent',
                cancelled
                  ? 'bg-danger'
                  : underWay
                    ? 'bg-accent-600 ring-4 ring-accent-100'
                    : 'bg-success',
              )}
            >
              {cancelled ? (
                <svg viewBox="0 0 12 12" className="size-2.5" stroke="currentColor" strokeWidth={2}>
                  <path d="M3 3l6 6M9 3l-6 6" strokeLinecap="round" />
                </svg>
              ) : underWay ? null : (
                <svg
                  viewBox="0 0 12 12"
                  className="size-2.5"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth={2}
                >
                  <path d="M2.5 6.5 5 9l4.5-5.5" strokeLinecap="round" strokeLinejoin="round" />
                </svg>
              )}
            </span>
            <div className="min-w-0 text-sm">
              <p className={classNames('font-semibold', cancelled ? 'text-danger' : 'text-ink')}>
                {orderStatusLabel(entry.to)}
                {current ? <span className="sr-only"> (current status)</span> : null}
              </p>
              <p className="text-ink-muted">
                <time dateTime={new Date(entry.at).toISOString()}>{formatOrderTime(entry.at)}</time>
                <span aria-hidden="true"> · </span>
                <span className="sr-only">, </span>
                {actor}
              </p>
              {reason ? (
                <p
                  className={classNames(
                    'mt-0.5 break-words',
                    cancelled ? 'text-danger' : 'text-ink-muted',
                  )}
                >
                  {reason}
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** The vertical line joining one step's marker to the next (decoration). */
function Rail({ last }: { last: boolean }) {
  if (last) return null;
  return <span aria-hidden="true" className="absolute top-5 bottom-0 left-[7px] w-0.5 bg-line" />;
}
