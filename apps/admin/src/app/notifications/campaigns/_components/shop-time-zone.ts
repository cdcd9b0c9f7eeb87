import 'server-only';
import type { StaffSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { callCell } from '@/server/cell-call';

/** The analytics cell's default, used when its settings cannot be read. */
const defaultShopTimeZone = 'Europe/Amsterdam';

/**
 * The shop's time zone: the one the analytics settings name (the only place the shop states
 * one), read when the staff member may read analytics; otherwise, or when that cell does not
 * answer, the same default that cell uses.
 */
export async function shopTimeZone(session: StaffSession): Promise<string> {
  if (!session.permissions.has('analytics:read')) return defaultShopTimeZone;
  const answer = await callCell(({ signal }) =>
    cellsAs(session).analytics.settings.query(undefined, { signal }),
  );
  return answer.ok ? answer.data.timeZone : defaultShopTimeZone;
}
