import { staffRoles } from '@shop/api/permissions';
import { Card, EmptyState, Notice, PageHeader } from '@shop/ui';
import type { Metadata } from 'next';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { StaffRolesForm } from '@/components/staff-roles-form';
import { callCell } from '@/server/cell-call';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Staff' };

/** Staff accounts and their roles; administrators (accounts:manage) only. */
export default async function StaffPage() {
  const session = await requirePermission('accounts:manage', '/staff');
  const staff = await callCell(({ signal }) =>
    cellsAs(session).auth.listStaff.query({ pageSize: 48 }, { signal }),
  );
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-8">
      <PageHeader
        eyebrow="Back office"
        title="Staff"
        description="Who works in the back office and what each role lets them do. Changes apply at the person's next token (within 15 minutes)."
      />
      {!staff.ok ? (
        <Notice tone="degraded" title="The staff list cannot be shown right now">
          The auth service is not answering. Reload the page in a moment.
        </Notice>
      ) : staff.data.items.length === 0 ? (
        <EmptyState title="No staff accounts" description="Nobody holds a staff role yet." />
      ) : (
        <Card>
          <ul className="divide-y divide-line">
            {staff.data.items.map((account) => (
              <li
                key={account.id}
                data-testid="staff-row"
                className="grid gap-4 px-5 py-4 md:grid-cols-[16rem_1fr]"
              >
                <div className="min-w-0">
                  <p className="truncate font-medium text-ink">
                    {account.name}
                    {account.id === session.account.id ? (
                      <span className="ml-2 text-xs font-normal text-ink-muted">(you)</span>
                    ) : null}
                  </p>
                  <p className="truncate text-sm text-ink-muted">{account.email}</p>
                </div>
                <StaffRolesForm account={account} staffRoles={staffRoles} />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
