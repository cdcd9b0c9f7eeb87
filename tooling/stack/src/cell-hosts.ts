import { domains, type Domain } from '@shop/api/client';
import { z } from 'zod';

/**
 * How the cells are spread over host processes: `one` host serving every cell (`CELLS=all`, the
 * dev and e2e shape), or `each` cell in its own host, one per domain, as the Kubernetes pods run
 * them (infra/k8s). Only the environment differs between the two: `CELLS` and the port per host,
 * and `<DOMAIN>_CELL_URL` for everything that calls a cell.
 */
export const cellLayouts = ['one', 'each'] as const;
export type CellLayout = (typeof cellLayouts)[number];
export const cellLayoutSchema = z.enum(cellLayouts);

export interface CellHostPlan {
  /** The process's name: `cells` for the one host, `cells-<domain>` for a domain's own. */
  name: string;
  /** The host's `CELLS` value. */
  cells: 'all' | Domain;
  port: number;
}

/** The hosts of a layout; `each` takes `basePort`, `basePort + 1`, ... in `domains` order. */
export function cellHostPlans(layout: CellLayout, basePort: number): CellHostPlan[] {
  if (layout === 'one') return [{ name: 'cells', cells: 'all', port: basePort }];
  return domains.map((domain, index) => ({
    name: `cells-${domain}`,
    cells: domain,
    port: basePort + index,
  }));
}

/** Where each domain's host listens. */
export function cellBaseUrls(plans: CellHostPlan[], host = '127.0.0.1'): Record<Domain, string> {
  const all = plans.find((plan) => plan.cells === 'all');
  return Object.fromEntries(
    domains.map((domain) => {
      const plan = all ?? plans.find((candidate) => candidate.cells === domain);
      if (!plan) throw new Error(`no cell host serves ${domain}`);
      return [domain, `http://${host}:${plan.port}`];
    }),
  ) as Record<Domain, string>;
}

/**
 * `<DOMAIN>_CELL_URL` for every domain (cellUrlsFromEnv reads them before SHOP_CELL_URL), so the
 * apps' gateways and the cells' own cross-cell calls reach each domain's host. Empty for `one`:
 * SHOP_CELL_URL already says where every cell is.
 */
export function cellUrlEnv(plans: CellHostPlan[]): Record<string, string> {
  if (plans.some((plan) => plan.cells === 'all')) return {};
  const urls = cellBaseUrls(plans);
  return Object.fromEntries(
    domains.map((domain) => [`${domain.toUpperCase()}_CELL_URL`, urls[domain]]),
  );
}

/** The Inngest serve endpoints the executor syncs: one per domain, on the host serving it. */
export function inngestAppUrls(plans: CellHostPlan[]): string[] {
  const urls = cellBaseUrls(plans);
  return domains.map((domain) => `${urls[domain]}/api/inngest/${domain}`);
}
