import { Notice, PageHeader } from '@shop/ui';
import type { Metadata } from 'next';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { SearchMerchandising } from '@/components/search/search-merchandising';
import { callCell } from '@/server/cell-call';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Search' };

/** Search merchandising (catalog:read to see and preview, catalog:write to change). */
export default async function SearchMerchandisingPage() {
  const session = await requirePermission('catalog:read', '/search');
  const cells = cellsAs(session);
  const [rules, zeroResults] = await Promise.all([
    callCell(({ signal }) => cells.search.merchandising.query(undefined, { signal })),
    callCell(({ signal }) => cells.analytics.zeroResultQueries.query({}, { signal })),
  ]);
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-8">
      <PageHeader
        eyebrow="Back office"
        title="Search"
        description="Steer what shoppers find: synonyms, redirects, pinned and hidden products, boost and bury rules. Every search replica uses a change within seconds."
      />
      {!rules.ok ? (
        <Notice tone="degraded" title="Search rules cannot be shown right now">
          The search service is not answering. Reload the page in a moment.
        </Notice>
      ) : (
        <SearchMerchandising
          key={rules.data.version}
          rules={rules.data.rules}
          zeroResults={zeroResults.ok ? zeroResults.data.items : null}
          canWrite={session.permissions.has('catalog:write')}
        />
      )}
    </div>
  );
}
