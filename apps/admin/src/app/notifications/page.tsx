import { Badge, buttonClassNames, Card, CardBody, EmptyState, Notice, PageHeader } from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { requireStaff } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { callCell } from '@/server/cell-call';
import { alertKindLabels, type AlertKind } from './_components/alert-kinds';
import { NotificationTabs } from './_components/notification-tabs';
import { markAlertsRead, saveAlertEmails } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Notifications' };

const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});
const doneMessages: Record<string, { tone: 'success' | 'danger'; text: string }> = {
  subscribed: { tone: 'success', text: 'Your alert emails are saved.' },
  failed: { tone: 'danger', text: 'That did not work. Reload and try again.' },
};

/**
 * Staff alerts (every staff role): what needs a person, newest first, unread ones marked; mark
 * read one by one or all; and which kinds the staff member also wants by email.
 */
export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireStaff('/notifications');
  const params = await searchParams;
  const page = Math.min(1000, Math.max(1, Number.parseInt(String(params.page ?? '1'), 10) || 1));
  const client = cellsAs(session).notification;
  const [alerts, subscription] = await Promise.all([
    callCell(({ signal }) => client.listAlerts.query({ page, pageSize: 20 }, { signal })),
    callCell(({ signal }) => client.alertSubscription.query(undefined, { signal })),
  ]);
  const done = typeof params.done === 'string' ? doneMessages[params.done] : undefined;
  const subscribed = new Set<string>(subscription.ok ? subscription.data.kinds : []);

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeader
        eyebrow="Back office"
        title="Notifications"
        description="Alerts for what needs a person: low stock, orders stuck in payment, failed refunds, failing emails and finished imports."
      />
      <NotificationTabs current="alerts" permissions={session.permissions} />
      {done ? <Notice tone={done.tone} title={done.text} /> : null}
      {!alerts.ok ? (
        <Notice tone="degraded" title="Alerts cannot be shown right now">
          The notification service is not answering. Reload the page in a moment.
        </Notice>
      ) : (
        <section aria-labelledby="alerts-heading" className="flex flex-col gap-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="alerts-heading" className="text-lg font-semibold text-ink">
              Staff alerts{' '}
              <span className="text-sm font-normal text-ink-muted" data-testid="unread-count">
                ({alerts.data.unreadCount} unread)
              </span>
            </h2>
            {alerts.data.unreadCount > 0 ? (
              <form action={markAlertsRead}>
                <input type="hidden" name="all" value="1" />
                <button
                  type="submit"
                  className={buttonClassNames({ variant: 'secondary', size: 'sm' })}
                >
                  Mark all read
                </button>
              </form>
            ) : null}
          </div>
          {alerts.data.items.length === 0 ? (
            <EmptyState title="No alerts" description="Nothing needs a person right now." />
          ) : (
            <ul className="flex flex-col gap-3">
              {alerts.data.items.map((alert) => (
                <li
                  key={alert.id}
                  data-testid="staff-alert"
                  data-read={alert.read ? 'true' : 'false'}
                  className={
                    alert.read
                      ? 'rounded-card border border-line bg-surface p-4'
                      : 'rounded-card border border-accent-200 bg-accent-50 p-4'
                  }
                >
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div className="flex min-w-0 flex-col gap-1">
                      <div className="flex flex-wrap items-center gap-2">
                        <Badge tone={alert.read ? 'neutral' : 'accent'}>
                          {alertKindLabels[alert.kind as AlertKind] ?? alert.kind}
                        </Badge>
                        {alert.read ? null : (
                          <span className="text-xs font-semibold text-accent-700">Unread</span>
                        )}
                        <span className="text-xs text-ink-subtle">
                          {dateTime.format(new Date(alert.createdAt))} UTC
                        </span>
                      </div>
                      <p className="font-medium break-words text-ink">
                        {alert.href ? (
                          <Link
                            href={alert.href as Route}
                            className="underline-offset-2 hover:underline"
                          >
                            {alert.title}
                          </Link>
                        ) : (
                          alert.title
                        )}
                      </p>
                      {alert.detail ? (
                        <p className="text-sm break-words text-ink-muted">{alert.detail}</p>
                      ) : null}
                    </div>
                    {alert.read ? null : (
                      <form action={markAlertsRead}>
                        <input type="hidden" name="id" value={alert.id} />
                        <button
                          type="submit"
                          className={buttonClassNames({ variant: 'secondary', size: 'sm' })}
                          aria-label={`Mark read: ${alert.title}`}
                        >
                          Mark read
                        </button>
                      </form>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
          <nav aria-label="Pages" className="flex flex-wrap gap-3">
            {page > 1 ? (
              <Link
                href={`/notifications?page=${page - 1}` as Route}
                className={buttonClassNames({ variant: 'secondary' })}
              >
                Newer alerts
              </Link>
            ) : null}
            {alerts.data.hasMore ? (
              <Link
                href={`/notifications?page=${page + 1}` as Route}
                className={buttonClassNames({ variant: 'secondary' })}
              >
                Older alerts
              </Link>
            ) : null}
          </nav>
        </section>
      )}
      <section aria-labelledby="emails-heading">
        <Card>
          <CardBody>
            <h2 id="emails-heading" className="text-lg font-semibold text-ink">
              Also by email
            </h2>
            <p className="mt-1 text-sm text-ink-muted">
              Alerts always show here. Tick the kinds you also want at {session.account.email}.
            </p>
            <form action={saveAlertEmails} className="mt-4 flex flex-col gap-3">
              <fieldset className="grid gap-2 sm:grid-cols-2">
                <legend className="sr-only">Alert kinds to email</legend>
                {(Object.keys(alertKindLabels) as AlertKind[]).map((kind) => (
                  <label key={kind} className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="kind"
                      value={kind}
                      defaultChecked={subscribed.has(kind)}
                    />
                    {alertKindLabels[kind]}
                  </label>
                ))}
              </fieldset>
              <div>
                <button type="submit" className={buttonClassNames({ variant: 'primary' })}>
                  Save alert emails
                </button>
              </div>
            </form>
          </CardBody>
        </Card>
      </section>
    </div>
  );
}
