import { existsSync } from 'node:fs';
import { copyFile, cp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fromRoot } from './repo-root';

/** The one production entry of both apps (the images copy the same file). */
const appServerEntry = fromRoot('packages/api/src/gateway/app-server-entry.mjs');

export interface StandaloneServer {
  /**
   * `node <serverJs>` runs the app's production server as its container image does: the
   * production entry (`server-entry.mjs`, from packages/api/src/gateway/app-server-entry.mjs),
   * which sets each request's client address and then starts Next's `server.js`.
   */
  serverJs: string;
  /** The standalone app folder (server.js changes into it itself). */
  cwd: string;
}

/**
 * Readies an app's production build to run as production runs it (infra/docker/<app>.Dockerfile):
 * `next build` with `output: 'standalone'` writes the server to
 * `.next/standalone/apps/<app>/server.js` but leaves `.next/static` and `public/` out, so they are
 * copied next to it here, once per build (`next start` does not serve standalone output), with
 * the production entry beside it.
 * Idempotent: a second caller for the same build (e.g. an e2e test starting another server of the
 * app while the stack's is running) changes nothing.
 */
export async function prepareStandaloneServer(
  app: 'storefront' | 'admin',
): Promise<StandaloneServer> {
  const appDir = fromRoot('apps', app);
  const cwd = join(appDir, '.next/standalone/apps', app);
  const nextServerJs = join(cwd, 'server.js');
  if (!existsSync(nextServerJs)) {
    throw new Error(
      `${nextServerJs} is missing: build the app first (pnpm --filter @shop/${app} build).`,
    );
  }
  const buildId = (await readFile(join(appDir, '.next/BUILD_ID'), 'utf8')).trim();
  // Outside .next/static, so the marker is never served.
  const marker = join(cwd, '.next/static-copied-from-build');
  const copied = await readFile(marker, 'utf8').catch(() => '');
  if (copied !== buildId) {
    await rm(join(cwd, '.next/static'), { recursive: true, force: true });
    await cp(join(appDir, '.next/static'), join(cwd, '.next/static'), { recursive: true });
    await rm(join(cwd, 'public'), { recursive: true, force: true });
    if (existsSync(join(appDir, 'public'))) {
      await cp(join(appDir, 'public'), join(cwd, 'public'), { recursive: true });
    }
    await writeFile(marker, buildId);
  }
  // Copied every time (it is small), so a changed entry never runs stale against an old build;
  // through a file of its own and a rename, so a server another test starts at the same moment
  // never reads it half-written.
  const serverJs = join(cwd, 'server-entry.mjs');
  const copying = `${serverJs}.${process.pid}-${randomUUID()}.tmp`;
  await copyFile(appServerEntry, copying);
  await rename(copying, serverJs);
  return { serverJs, cwd };
}
