import type { RouterOutputs } from '@shop/api/client';
import { Badge, type BadgeTone, Card, CardBody, CardHeader } from '@shop/ui';
import { formatStaffDate } from '@/components/orders/order-labels';
import type { CellResult } from '@/server/cell-call';

type Marketing = RouterOutputs['notification']['customerMarketing'];

const statusLabels: Record<Marketing['status'], { label: string; tone: BadgeTone }> = {
  subscribed: { label: 'Subscribed', tone: 'success' },
  pending: { label: 'Awaiting confirmation', tone: 'warning' },
  unsubscribed: { label: 'Unsubscribed', tone: 'neutral' },
  none: { label: 'Never subscribed', tone: 'neutral' },
};

const sourceLabels: Record<NonNullable<Marketing['source']>, string> = {
  footer: 'the storefront footer',
  checkout: 'checkout',
  account: 'their account',
  'email-link': 'a link in an email',
  'one-click': 'one-click unsubscribe',
  staff: 'staff',
};

const suppressionLabels: Record<NonNullable<Marketing['suppression']>['reason'], string> = {
  'hard-bounce': 'the address bounced',
  complaint: 'they marked a message as spam',
};

/**
 * The newsletter consent marketing mail obeys (the notification cell's double opt-in record),
 * with how it was given and the words shown, and whether the address is suppressed.
 */
export function CustomerMarketing({ marketing }: { marketing: CellResult<Marketing> | null }) {
  return (
    <Card>
      <CardHeader title="Newsletter" description="Marketing email consent (double opt-in)." />
      <CardBody className="flex flex-col gap-3 text-sm">
        {marketing === null ? (
          <p className="text-ink-muted">This account has no email address.</p>
        ) : !marketing.ok ? (
          <p className="text-ink-muted">
            Consent cannot be shown right now; the notification service is not answering.
          </p>
        ) : (
          <ConsentDetails marketing={marketing.data} />
        )}
      </CardBody>
    </Card>
  );
}

function ConsentDetails({ marketing }: { marketing: Marketing }) {
  const status = statusLabels[marketing.status];
  return (
    <>
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone={status.tone}>{status.label}</Badge>
        {marketing.changedAt && marketing.source ? (
          <span className="text-ink-muted">
            since {formatStaffDate(marketing.changedAt)}, through {sourceLabels[marketing.source]}
          </span>
        ) : null}
      </p>
      {marketing.wording ? (
        <p>
          <span className="text-ink-muted">Wording shown: </span>“{marketing.wording}”
        </p>
      ) : null}
      {marketing.suppression ? (
        <p role="status" className="text-danger">
          No marketing email goes to this address: {suppressionLabels[marketing.suppression.reason]}{' '}
          ({formatStaffDate(marketing.suppression.suppressedAt)}).
        </p>
      ) : null}
      {marketing.history.length > 1 ? (
        <details>
          <summary className="cursor-pointer text-accent-700">Consent history</summary>
          <ul className="mt-2 flex flex-col gap-1">
            {marketing.history.map((change) => (
              <li key={`${change.at}-${change.status}`}>
                {formatStaffDate(change.at)}: {statusLabels[change.status].label.toLowerCase()},
                through {sourceLabels[change.source]}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
