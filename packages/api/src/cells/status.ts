import { hostConfig } from '../config/host';
import type { Domain } from '../domains';
import { publicProcedure } from '../trpc/procedures';

export interface CellStatus {
  cell: Domain;
  ok: true;
  version: string;
  uptimeSeconds: number;
}

/**
 * `<domain>.status`: proves the cell is served and answering. Deliberately does no I/O (readiness
 * of the database is `/readyz`'s job), so it doubles as the host-overhead benchmark target.
 */
export function statusProcedure(cell: Domain) {
  return publicProcedure.query((): CellStatus => ({
    cell,
    ok: true,
    version: hostConfig().SHOP_VERSION,
    uptimeSeconds: Math.round(process.uptime()),
  }));
}
