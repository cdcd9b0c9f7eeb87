import { buttonClassNames, Card, CardBody, Notice, PageHeader, Table } from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { callCell } from '@/server/cell-call';
import { MessageStatusBadge } from '../../_components/message-status-badge';
import { resendMessage } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Message' };

const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
});
const when = (at: string | null) => (at ? `${dateTime.format(new Date(at))} UTC` : '—');

const doneMessages: Record<string, { tone: 'success' | 'info' | 'danger'; text: string }> = {
  resent: { tone: 'success', text: 'Sent again: it is queued and goes out in a moment.' },
  'already-queued': { tone: 'info', text: 'It is already on its way; it was not sent twice.' },
  'already-sent': { tone: 'info', text: 'It has been sent; nothing was sent again.' },
  failed: { tone: 'danger', text: 'That did not work. Reload and try again.' },
};

/** One email: what it was, every delivery attempt and what the mail server answered, and Resend. */
export default async function MessagePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const session = await requirePermission('customers:read', `/notifications/messages/${id}`);
  if (!/^[0-9a-f]{24}$/i.test(id)) notFound();
  const answer = await callCell(({ signal }) =>
    cellsAs(session).notification.getMessage.query({ id }, { signal }),
  );
  if (!answer.ok && answer.failure === 'not-found') notFound();
  const doneText = (await searchParams).done;
  const done = typeof doneText === 'string' ? doneMessages[doneText] : undefined;
  const mayResend = session.permissions.has('notifications:send');

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <Link
        href={'/notifications/messages' as Route}
        className="self-start text-sm font-medium text-accent-700 underline-offset-2 hover:underline"
      >
        ← All messages
      </Link>
      {!answer.ok ? (
        <Notice tone="degraded" title="This message cannot be shown right now">
          The notification service is not answering. Reload the page in a moment.
        </Notice>
      ) : (
        <>
          <PageHeader
            eyebrow="Message"
            title={answer.data.subject}
            description={`To ${answer.data.to}`}
          />
          {done ? <Notice tone={done.tone} title={done.text} /> : null}
          <Card>
            <CardBody>
              <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
                <dt className="font-medium text-ink-muted">Status</dt>
                <dd>
                  <MessageStatusBadge status={answer.data.status} />
                </dd>
                <dt className="font-medium text-ink-muted">Template</dt>
                <dd>
                  <code>{answer.data.template}</code> ({answer.data.kind})
                </dd>
                <dt className="font-medium text-ink-muted">Recipient</dt>
                <dd className="break-all">{answer.data.to}</dd>
                {answer.data.orderNumber ? (
                  <>
                    <dt className="font-medium text-ink-muted">Order</dt>
                    <dd>{answer.data.orderNumber}</dd>
                  </>
                ) : null}
                <dt className="font-medium text-ink-muted">Created</dt>
                <dd>{when(answer.data.createdAt)}</dd>
                <dt className="font-medium text-ink-muted">Sent</dt>
                <dd>{when(answer.data.sentAt)}</dd>
                <dt className="font-medium text-ink-muted">Attempts</dt>
                <dd>{answer.data.attempts}</dd>
                <dt className="font-medium text-ink-muted">Provider&apos;s answer</dt>
                <dd className="break-all">
                  {answer.data.providerResponse ?? answer.data.lastError ?? '—'}
                </dd>
                <dt className="font-medium text-ink-muted">Provider message id</dt>
                <dd className="break-all">{answer.data.providerMessageId ?? '—'}</dd>
                {answer.data.resendCount > 0 ? (
                  <>
                    <dt className="font-medium text-ink-muted">Resent by staff</dt>
                    <dd>
                      {answer.data.resendCount}× (last {when(answer.data.resentAt)})
                    </dd>
                  </>
                ) : null}
              </dl>
            </CardBody>
          </Card>
          <section aria-labelledby="attempts-heading" className="flex flex-col gap-3">
            <h2 id="attempts-heading" className="text-lg font-semibold text-ink">
              Delivery attempts
            </h2>
            <Table
              aria-label="Delivery attempts, oldest first"
              framed
              rows={answer.data.attemptLog}
              rowKey={(attempt) => `${attempt.at}-${attempt.outcome}`}
              // Below this width the table scrolls inside its frame instead of crushing the answer.
              tableClassName="min-w-[34rem]"
              empty={<p className="text-sm text-ink-muted">No attempt recorded yet.</p>}
              columns={[
                {
                  key: 'at',
                  header: 'When (UTC)',
                  className: 'whitespace-nowrap',
                  cell: (attempt) => dateTime.format(new Date(attempt.at)),
                },
                { key: 'outcome', header: 'Outcome', cell: (attempt) => attempt.outcome },
                {
                  key: 'response',
                  header: 'Mail server said',
                  className: 'break-all text-xs',
                  cell: (attempt) => attempt.response ?? '—',
                },
              ]}
            />
          </section>
          {answer.data.status === 'failed' && mayResend ? (
            answer.data.resendRefusal ? (
              <Notice tone="info" title="This email cannot be resent">
                {answer.data.resendRefusal}
              </Notice>
            ) : (
              <form action={resendMessage}>
                <input type="hidden" name="id" value={answer.data.id} />
                <button type="submit" className={buttonClassNames({ variant: 'primary' })}>
                  Resend
                </button>
              </form>
            )
          ) : null}
        </>
      )}
    </div>
  );
}
