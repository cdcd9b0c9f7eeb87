/**
 * `pnpm --filter @shop/<app> start`: runs an app's production build the way its image does, the
 * production entry (server-entry.mjs, which sets each request's client address) in front of the
 * standalone server.js, after copying the static files next to it (standalone-server.ts).
 * Settings come from the environment, checked by the app at start (NODE_ENV=production).
 */
import { spawn } from 'node:child_process';
import { prepareStandaloneServer } from './standalone-server';

const app = process.argv[2];
if (app !== 'storefront' && app !== 'admin') {
  console.error('usage: shop-app-start <storefront|admin>');
  process.exit(2);
}
const server = await prepareStandaloneServer(app);
const child = spawn(process.execPath, [server.serverJs], { cwd: server.cwd, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
