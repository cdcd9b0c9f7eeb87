import { domains, type Domain } from '@shop/api/client';
import { buttonClassNames, EmptyState, Notice, PageHeader } from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { AuditEntryList } from '@/components/audit/audit-entry-list';
import { AuditFilterForm } from '@/components/audit/audit-filters';
import {
  auditFiltersOf,
  auditPageHref,
  cursorText,
  type AuditFilters,
} from '@/components/audit/audit-search-params';
import { ChainStatusList } from '@/components/audit/chain-status';
import { mergeAuditPages } from '@/components/audit/merge-audit-pages';
import { callCell } from '@/server/cell-call';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Audit log' };

const pageSize = 25;

/** The cell's query for this page: the filters, older than the cursor, days as UTC bounds. */
function cellQuery(filters: AuditFilters, cursorAt: string | undefined, verify: boolean) {
  const to = filters.to ? `${filters.to}T23:59:59.999Z` : undefined;
  return {
    person: filters.person,
    objectType: filters.objectType,
    objectId: filters.objectId,
    action: filters.action,
    from: filters.from ? `${filters.from}T00:00:00.000Z` : undefined,
    to: cursorAt && (!to || cursorAt < to) ? cursorAt : to,
    limit: pageSize,
    verify,
  };
}

/**
 * Every staff change in every service, newest first (admins: audit:read). Each cell keeps its own
 * chain; this page asks them all and merges by time, and on request verifies every chain.
 */
export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePermission('audit:read', '/audit');
  const { filters, cursor, verify } = auditFiltersOf(await searchParams);
  const cells: readonly Domain[] = filters.cell ? [filters.cell] : domains;
  const cellClient = cellsAs(session);
  const answers = await Promise.all(
    cells.map(async (cell) => ({
      cell,
      answer: await callCell(({ signal }) =>
        cellClient[cell].auditLog.query(cellQuery(filters, cursor?.at, verify), { signal }),
      ),
    })),
  );
  const pages = answers.flatMap(({ answer }) => (answer.ok ? [answer.data] : []));
  const silent = answers.filter(({ answer }) => !answer.ok).map(({ cell }) => cell);
  const { items, next } = mergeAuditPages(pages, pageSize, cursor);

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeader
        eyebrow="Back office"
        title="Audit log"
        description="Every change staff made in every service: who, with which role, what it was before and after, when and from where. Entries cannot be changed; each carries the hash of the one before it."
      />
      <AuditFilterForm filters={filters} />
      <section aria-labelledby="chain-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="chain-heading" className="text-lg font-semibold text-ink">
            Chain verification
          </h2>
          <Link
            href={auditPageHref(filters, { verify: '1' }) as Route}
            className={buttonClassNames({ variant: 'secondary', size: 'sm' })}
          >
            {verify ? 'Verify again' : 'Verify every chain'}
          </Link>
        </div>
        {verify ? (
          <ChainStatusList
            statuses={answers.map(({ cell, answer }) => ({
              cell,
              verification: answer.ok ? answer.data.verification : null,
            }))}
          />
        ) : (
          <p className="text-sm text-ink-muted">
            Checks every entry of every service against its hash and its predecessor, and names the
            first one edited, deleted or moved.
          </p>
        )}
      </section>
      {silent.length > 0 ? (
        <Notice tone="degraded" title="Some services did not answer">
          Entries of {silent.join(', ')} are missing from this page. Reload in a moment.
        </Notice>
      ) : null}
      <section aria-labelledby="entries-heading" className="flex flex-col gap-3">
        <h2 id="entries-heading" className="text-lg font-semibold text-ink">
          {cursor ? 'Older entries' : 'Latest entries'}
        </h2>
        {items.length === 0 ? (
          <EmptyState title="No entries" description="No staff change matches these filters." />
        ) : (
          <AuditEntryList entries={items} />
        )}
      </section>
      {cursor || next ? (
        <nav aria-label="Pages" className="flex flex-wrap gap-3">
          {cursor ? (
            <Link
              href={auditPageHref(filters) as Route}
              className={buttonClassNames({ variant: 'secondary' })}
            >
              Newest entries
            </Link>
          ) : null}
          {next ? (
            <Link
              href={auditPageHref(filters, { before: cursorText(next) }) as Route}
              className={buttonClassNames({ variant: 'secondary' })}
            >
              Older entries
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
