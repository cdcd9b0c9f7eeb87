import { existsSync } from 'node:fs';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { prepareStandaloneServer } from '@shop/stack';
import { fromRoot } from '@shop/stack/repo-root';

/**
 * The storefront's production build, copied out of the checkout (once per build) and run from the
 * copy: on a shared checkout another `next build` may replace `.next` while a load run is serving
 * from it. Waits up to 15 minutes for a build that is being made.
 */
export async function storefrontSnapshot(): Promise<{ serverJs: string; cwd: string }> {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      // Copies the static files and the production entry into the build (idempotent).
      await prepareStandaloneServer('storefront');
      const buildId = (await readFile(fromRoot('apps/storefront/.next/BUILD_ID'), 'utf8')).trim();
      const copy = `/tmp/shop-load/storefront-${buildId}`;
      if (!existsSync(join(copy, 'apps/storefront/server-entry.mjs'))) {
        await cp(fromRoot('apps/storefront/.next/standalone'), copy, {
          recursive: true,
          verbatimSymlinks: true,
        });
      }
      const cwd = join(copy, 'apps/storefront');
      return { serverJs: join(cwd, 'server-entry.mjs'), cwd };
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10_000));
    }
  }
}
