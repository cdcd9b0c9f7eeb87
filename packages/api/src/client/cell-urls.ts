import type { Domain } from '../domains';
import type { CellUrls } from './cell-credential';

export const defaultShopCellUrl = 'http://127.0.0.1:4000';

// Any record whose URL entries are strings: process.env-like, or a parsed configuration.
type Env = Readonly<Record<string, unknown>>;

const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * Where each domain's tRPC endpoint lives, from the environment (a process's parsed configuration,
 * e.g. `cellUrlsFromEnv(commonConfig())` from `@shop/api/config`; this module stays browser-safe): `<DOMAIN>_CELL_URL` (for example
 * `PRODUCT_CELL_URL`) wins, else `SHOP_CELL_URL` (a host serving every cell), else the local
 * default. The result is the base URL plus `/trpc`. When the environment holds the internal
 * credential (`CELL_SERVICE_TOKEN`), the resolver carries it and `createCellClient` sends it.
 */
export function cellUrlsFromEnv(env: Env): CellUrls {
  const urlFor = (domain: Domain) => {
    const base =
      textOf(env[`${domain.toUpperCase()}_CELL_URL`]) ||
      textOf(env.SHOP_CELL_URL) ||
      defaultShopCellUrl;
    return `${base.replace(/\/+$/, '')}/trpc`;
  };
  const cellCredential = textOf(env.CELL_SERVICE_TOKEN);
  return cellCredential ? Object.assign(urlFor, { cellCredential }) : urlFor;
}
