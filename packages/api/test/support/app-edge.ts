import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RateLimitOptions } from '../../src/gateway/rate-limiter';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const entrySource = join(packageRoot, 'src/gateway/app-server-entry.mjs');
const gatewayModule = new URL('../../src/gateway/index.ts', import.meta.url).href;

/**
 * A stand-in for Next's standalone server.js: a node:http server that does to each request what
 * Next does before a route handler runs (fill `x-forwarded-for` from the socket only when the
 * client sent none; build a web Request from the headers) and hands `/api/cells/<domain>/<path>`
 * to the real gateway, as the apps' route handlers do.
 */
const standInServerJs = `
import http from 'node:http';
const { createGateway, TokenBucketRateLimiter } = await import(process.env.GATEWAY_MODULE);
const options = JSON.parse(process.env.EDGE_OPTIONS);
const forward = createGateway({
  urlFor: () => options.cellUrl + '/trpc',
  limiter: new TokenBucketRateLimiter(options.rateLimit),
  allowedOrigins: options.allowedOrigins,
  cellCredential: options.cellCredential,
  identity: { secret: options.sessionSecret },
});
const server = http.createServer(async (req, res) => {
  req.headers['x-forwarded-for'] ??= req.socket.remoteAddress;
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = new URL(req.url, 'http://' + req.headers.host);
  const [, domain = '', path = ''] = /^\\/api\\/cells\\/([^/]+)\\/([^/]+)$/.exec(url.pathname) ?? [];
  const request = new Request(url, {
    method: req.method,
    headers,
    body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
  });
  const response = await forward(request, { domain, path: [decodeURIComponent(path)] });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
`;

export interface AppEdge {
  /** The app's base URL; the gateway answers at `${url}/api/cells/<domain>/<procedure>`. */
  url: string;
  stop(): Promise<void>;
}

export interface AppEdgeOptions {
  /** The cell host the gateway forwards to. */
  cellUrl: string;
  cellCredential?: string;
  /** TRUSTED_PROXY_HOPS of the entry (default 0: nothing in front). */
  trustedProxyHops?: number;
  rateLimit?: RateLimitOptions;
  allowedOrigins?: string[];
  /** The app's next-auth secret, for calls carrying a session cookie. */
  sessionSecret?: string;
}

/**
 * An app's edge as production runs it: the production entry (src/gateway/app-server-entry.mjs,
 * copied next to a server.js as the images do) in front of the stand-in server above, in a
 * process of its own, on a free port of 127.0.0.1.
 */
export async function startAppEdge(options: AppEdgeOptions): Promise<AppEdge> {
  const dir = await mkdtemp(join(tmpdir(), 'app-edge-'));
  await copyFile(entrySource, join(dir, 'server-entry.mjs'));
  await writeFile(join(dir, 'server.js'), standInServerJs);
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');

  const child = spawn(process.execPath, ['--import', 'tsx', join(dir, 'server-entry.mjs')], {
    cwd: packageRoot,
    env: {
      ...process.env,
      TRUSTED_PROXY_HOPS: String(options.trustedProxyHops ?? 0),
      GATEWAY_MODULE: gatewayModule,
      EDGE_OPTIONS: JSON.stringify({
        rateLimit: { burst: 1000, perSecond: 1000 },
        allowedOrigins: [],
        ...options,
      }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const match = /\{"port":(\d+)\}/.exec(buffered);
      if (match) resolve(Number(match[1]));
    });
    void exited.then((code) => reject(new Error(`app edge exited with ${code}:\n${stderr}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** What a browser on the app's own page sends with a tRPC mutation. */
export const sameOriginJson = {
  'sec-fetch-site': 'same-origin',
  'content-type': 'application/json',
} as const;
