import {
  buttonClassNames,
  EmptyState,
  Notice,
  PageHeader,
  SelectField,
  Table,
  TextField,
} from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { callCell } from '@/server/cell-call';
import { MessageStatusBadge } from '../_components/message-status-badge';
import { messageFiltersOf, messagesHref, messageStatuses } from '../_components/message-filters';
import { NotificationTabs } from '../_components/notification-tabs';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Messages' };

const pageSize = 25;
const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/**
 * Every email the shop sent or tried to send, newest first: to whom, which template, what became
 * of it and the provider's last answer. Support reads it (customers:read); a failed one is resent
 * from its own page.
 */
export default async function MessagesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePermission('customers:read', '/notifications/messages');
  const filters = messageFiltersOf(await searchParams);
  const client = cellsAs(session).notification;
  const [answer, templates] = await Promise.all([
    callCell(({ signal }) =>
      client.listMessages.query(
        {
          search: filters.search || undefined,
          status: filters.status,
          template: filters.template,
          from: filters.from,
          until:
            filters.until && (!filters.from || filters.from <= filters.until)
              ? filters.until
              : undefined,
          page: filters.page,
          pageSize,
        },
        { signal },
      ),
    ),
    callCell(({ signal }) => client.templateIds.query(undefined, { signal })),
  ]);

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeader
        eyebrow="Notifications"
        title="Messages"
        description="Every email the shop sent or tried to send: to whom, which template, how many attempts and what the mail server answered."
      />
      <NotificationTabs current="messages" permissions={session.permissions} />
      <form
        action="/notifications/messages"
        role="search"
        aria-label="Filter messages"
        className="grid gap-4 rounded-card border border-line bg-surface p-4 shadow-card sm:grid-cols-2 lg:grid-cols-3"
      >
        <TextField
          label="Recipient"
          name="search"
          defaultValue={filters.search}
          hint="All or part of the address"
          autoComplete="off"
        />
        <SelectField
          label="Status"
          name="status"
          defaultValue={filters.status ?? ''}
          options={[
            { value: '', label: 'Any status' },
            ...messageStatuses.map((status) => ({
              value: status,
              label: status[0]!.toUpperCase() + status.slice(1),
            })),
          ]}
        />
        <SelectField
          label="Template"
          name="template"
          defaultValue={filters.template ?? ''}
          options={[
            { value: '', label: 'Any template' },
            ...(templates.ok ? templates.data : []).map((id) => ({ value: id, label: id })),
          ]}
        />
        <TextField label="From (UTC day)" name="from" type="date" defaultValue={filters.from} />
        <TextField label="Until (UTC day)" name="until" type="date" defaultValue={filters.until} />
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClassNames({ variant: 'primary' })}>
            Show messages
          </button>
          <Link
            href={'/notifications/messages' as Route}
            className={buttonClassNames({ variant: 'secondary' })}
          >
            Clear
          </Link>
        </div>
      </form>
      {!answer.ok ? (
        <Notice tone="degraded" title="Messages cannot be shown right now">
          The notification service is not answering. Reload the page in a moment.
        </Notice>
      ) : answer.data.items.length === 0 ? (
        <EmptyState title="No messages" description="No email matches these filters." />
      ) : (
        <>
          <p className="text-sm text-ink-muted" aria-live="polite">
            {answer.data.totalCount} {answer.data.totalCount === 1 ? 'message' : 'messages'}, page{' '}
            {answer.data.page} of {Math.max(1, Math.ceil(answer.data.totalCount / pageSize))}
          </p>
          <Table
            caption="Messages, newest first"
            framed
            rows={answer.data.items}
            rowKey={(message) => message.id}
            rowProps={() => ({ 'data-testid': 'message-row' })}
            columns={[
              {
                key: 'to',
                header: 'Recipient',
                rowHeader: true,
                className: 'max-w-[14rem] truncate',
                cell: (message) => (
                  <Link
                    href={`/notifications/messages/${message.id}` as Route}
                    className="font-medium text-accent-700 underline-offset-2 hover:underline"
                  >
                    {message.to}
                  </Link>
                ),
              },
              {
                key: 'template',
                header: 'Template',
                hideBelow: 'md',
                cell: (message) => <code className="text-xs">{message.template}</code>,
              },
              {
                key: 'status',
                header: 'Status',
                cell: (message) => <MessageStatusBadge status={message.status} />,
              },
              {
                key: 'attempts',
                header: 'Attempts',
                align: 'end',
                hideBelow: 'sm',
                cell: (message) => message.attempts,
              },
              {
                key: 'answer',
                header: 'Last error',
                hideBelow: 'lg',
                className: 'max-w-[16rem] truncate text-xs text-ink-muted',
                cell: (message) => message.lastError ?? '—',
              },
              {
                key: 'created',
                header: 'Created (UTC)',
                hideBelow: 'md',
                className: 'whitespace-nowrap',
                cell: (message) => dateTime.format(new Date(message.createdAt)),
              },
            ]}
          />
          <nav aria-label="Pages" className="flex flex-wrap gap-3">
            {answer.data.page > 1 ? (
              <Link
                href={messagesHref(filters, answer.data.page - 1) as Route}
                className={buttonClassNames({ variant: 'secondary' })}
              >
                Newer messages
              </Link>
            ) : null}
            {answer.data.hasMore ? (
              <Link
                href={messagesHref(filters, answer.data.page + 1) as Route}
                className={buttonClassNames({ variant: 'secondary' })}
              >
                Older messages
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </div>
  );
}
