import { spawn, type ChildProcess } from 'node:child_process';
import { prepareStandaloneServer } from '@shop/stack/standalone-server';
import { outageSessionSecret } from './staff-session';

export interface AppWithoutCells {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a second production server of an app (the same build the suite uses) whose cells are all
 * unreachable, so a test can see what a shopper or merchant sees during an outage without
 * disturbing the running platform.
 */
export async function startAppWithoutCells(
  app: 'storefront' | 'admin',
  port: number,
): Promise<AppWithoutCells> {
  // The standalone server, as the stack and production run it (`next start` does not serve it).
  const server = await prepareStandaloneServer(app);
  const child: ChildProcess = spawn(process.execPath, [server.serverJs], {
    cwd: server.cwd,
    // Port 9 (discard) on loopback: nothing listens, so every cell call is refused at once.
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      // Not 127.0.0.1: Next's proxy rewrites then lose their status (see tooling/stack).
      HOSTNAME: '0.0.0.0',
      SHOP_CELL_URL: 'http://127.0.0.1:9',
      // Sessions of this server are sealed with a secret the test knows (staff-session.ts).
      NEXTAUTH_SECRET: outageSessionSecret,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      // A production storefront refuses to start without these (apps/storefront/src/env.ts).
      STOREFRONT_PUBLIC_URL: `http://127.0.0.1:${port}`,
      REVALIDATE_SECRET: 'outage-test-revalidate-secret',
      // A production app also needs these (@shop/api config/app-server.ts): nothing is in front,
      // and the (unreachable) cells' credential.
      TRUSTED_PROXY_HOPS: '0',
      CELL_SERVICE_TOKEN: 'outage-test-cell-service-token-0123456789',
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const up = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (child.exitCode !== null) throw new Error(`${app} exited with code ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`${app} did not start on ${url}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
