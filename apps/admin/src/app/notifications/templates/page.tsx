import { EmptyState, Notice, PageHeader, Table } from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { callCell } from '@/server/cell-call';
import { NotificationTabs } from '../_components/notification-tabs';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Email templates' };

/** Every email template: preview it with sample data and reword it per language. */
export default async function TemplatesPage() {
  const session = await requirePermission('notifications:send', '/notifications/templates');
  const answer = await callCell(({ signal }) =>
    cellsAs(session).notification.listTemplates.query(undefined, { signal }),
  );
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeader
        eyebrow="Notifications"
        title="Email templates"
        description="Preview each email with sample data, and reword its subject and text per language. Order lines, totals, links and the legal footer stay as they are."
      />
      <NotificationTabs current="templates" permissions={session.permissions} />
      {!answer.ok ? (
        <Notice tone="degraded" title="Templates cannot be shown right now">
          The notification service is not answering. Reload the page in a moment.
        </Notice>
      ) : answer.data.length === 0 ? (
        <EmptyState title="No templates" />
      ) : (
        <Table
          caption="Email templates"
          framed
          rows={answer.data}
          rowKey={(template) => template.id}
          rowProps={() => ({ 'data-testid': 'template-row' })}
          columns={[
            {
              key: 'id',
              header: 'Template',
              rowHeader: true,
              cell: (template) => (
                <Link
                  href={`/notifications/templates/${template.id}` as Route}
                  className="font-medium text-accent-700 underline-offset-2 hover:underline"
                >
                  {template.id}
                </Link>
              ),
            },
            {
              key: 'subject',
              header: 'Subject (sample)',
              hideBelow: 'md',
              className: 'max-w-[20rem] truncate',
              cell: (template) => template.sampleSubject || '—',
            },
            { key: 'kind', header: 'Kind', hideBelow: 'sm', cell: (template) => template.kind },
            {
              key: 'languages',
              header: 'Reworded in',
              cell: (template) =>
                template.overriddenLanguages.length > 0
                  ? template.overriddenLanguages.join(', ').toUpperCase()
                  : '—',
            },
          ]}
        />
      )}
    </div>
  );
}
