import 'server-only';
import { domains, type Domain, type RouterOutputs } from '@shop/api/client';
import { callCell } from './cell-call';
import { cells } from './cells';

export type CellStatus = RouterOutputs['product']['status'];

export type CellHealth =
  { domain: Domain; up: true; status: CellStatus } | { domain: Domain; up: false };

/** Every cell's `status`, asked in parallel; a cell that fails or times out is reported down. */
export async function platformStatus(): Promise<CellHealth[]> {
  const client = cells();
  return Promise.all(
    domains.map(async (domain): Promise<CellHealth> => {
      const result = await callCell(({ signal }) =>
        client[domain].status.query(undefined, { signal }),
      );
      return result.ok ? { domain, up: true, status: result.data } : { domain, up: false };
    }),
  );
}
