import type { Domain } from '../domains';
import { publicProcedure } from '../trpc/procedures';

export interface CellStatus {
  cell: Domain;
  ok: true;
  version: string;
  uptimeSeconds: number;
}

const version = process.env.SHOP_VERSION ?? '0.0.0';

/**
 * `<domain>.status`: proves the cell is served and answering. Deliberately does no I/O (readiness
 * of the database is `/readyz`'s job), so it doubles as the host-overhead benchmark target.
 */
export function statusProcedure(cell: Domain) {
  return publicProcedure.query((): CellStatus => ({
    cell,
    ok: true,
    version,
    uptimeSeconds: Math.round(process.uptime()),
  }));
}
