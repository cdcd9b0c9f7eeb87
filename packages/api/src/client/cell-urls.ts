import type { Domain } from '../domains';

export const defaultShopCellUrl = 'http://127.0.0.1:4000';

type Env = Record<string, string | undefined>;

/**
 * Where each domain's tRPC endpoint lives, from the environment: `<DOMAIN>_CELL_URL` (for example
 * `PRODUCT_CELL_URL`) wins, else `SHOP_CELL_URL` (a host serving every cell), else the local
 * default. The result is the base URL plus `/trpc`.
 */
export function cellUrlsFromEnv(env: Env = process.env): (domain: Domain) => string {
  return (domain) => {
    const base = env[`${domain.toUpperCase()}_CELL_URL`] || env.SHOP_CELL_URL || defaultShopCellUrl;
    return `${base.replace(/\/+$/, '')}/trpc`;
  };
}
