import type { Route } from 'next';
import Link from 'next/link';
import type { StaffSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { callCell } from '@/server/cell-call';

/**
 * The header's way to the staff alerts, with the signed-in staff member's unread count. When the
 * notification service does not answer it still links, without a number.
 */
export async function UnreadAlertsLink({ session }: { session: StaffSession }) {
  const answer = await callCell(({ signal }) =>
    cellsAs(session).notification.unreadAlertCount.query(undefined, { signal }),
  );
  const unread = answer.ok ? answer.data.unread : 0;
  const label =
    unread > 0 ? `Alerts: ${unread} unread` : answer.ok ? 'Alerts: none unread' : 'Alerts';
  return (
    <Link
      href={'/notifications' as Route}
      aria-label={label}
      data-testid="unread-alerts"
      className="inline-flex items-center gap-1.5 rounded-control border border-line-strong px-2.5 py-1.5 text-xs font-medium text-ink hover:bg-surface-sunken"
    >
      Alerts
      {unread > 0 ? (
        <span className="min-w-5 rounded-full bg-accent-700 px-1.5 py-0.5 text-center text-[0.6875rem] font-semibold text-on-accent tabular-nums">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
