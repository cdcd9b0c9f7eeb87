/**
 * The production entry of both Next.js apps: `node apps/<app>/server-entry.mjs` (the images'
 * CMD, and the e2e stack), copied next to the standalone `server.js` it starts.
 *
 * Why it exists: every per-address limit (the gateway's rate limit, the cells' sign-in and
 * order-lookup throttles) needs the client's address, and Next.js hides the socket: its server
 * fills `x-forwarded-for` from the socket only when the client sent none, and its Request has no
 * socket address. So before Next sees a request, this replaces `x-forwarded-for` with exactly one
 * address, decided by one rule:
 *
 *   the socket's address, unless TRUSTED_PROXY_HOPS=N (the proxies in front that append to
 *   X-Forwarded-For, e.g. 1 for the cluster's ingress) says to take the Nth entry from the right
 *   (Express's "trust proxy" count: [socket, ...entries right to left][N], the leftmost entry
 *   when the list is shorter).
 *
 * Whatever the client wrote is gone by then (and `x-real-ip` is removed), so the gateway and the
 * apps' server actions read one address no browser chose (gateway/client-address.ts). Plain
 * JavaScript with no imports from the workspace: the standalone output runs on bare Node.
 * Setting SHOP_APP_ENTRY=1 tells the app's start-up check (config/app-server.ts) that it ran.
 */
import http from 'node:http';
import { isIP } from 'node:net';

// The one place outside a config module that reads the environment: it must decide before
// Next.js (and the app's own config check) loads. The app's check validates it again.
// eslint-disable-next-line no-restricted-properties -- runs before any config module exists
const env = process.env;

const rawHops = (env.TRUSTED_PROXY_HOPS ?? '').trim();
if (rawHops !== '' && !/^\d{1,2}$/.test(rawHops)) {
  console.error(`TRUSTED_PROXY_HOPS: must be a whole number from 0 to 10 (got "${rawHops}")`);
  process.exit(1);
}
const trustedHops = rawHops === '' ? 0 : Number(rawHops);
if (trustedHops > 10) {
  console.error(`TRUSTED_PROXY_HOPS: must be at most 10 (got ${trustedHops})`);
  process.exit(1);
}

/** One spelling per address: `::ffff:a.b.c.d` is a.b.c.d; ports and brackets are dropped. */
function normalised(value) {
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  if (address.toLowerCase().startsWith('::ffff:') && isIP(address.slice(7)) === 4) {
    address = address.slice(7);
  }
  return isIP(address) ? address : null;
}

/** The client's address by the rule above; the socket's when the chosen entry is not an address. */
function clientAddressOf(req) {
  const socketAddress = normalised(req.socket.remoteAddress ?? '') ?? 'unknown';
  if (trustedHops === 0) return socketAddress;
  const header = req.headers['x-forwarded-for'];
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const fromNearest = [socketAddress, ...entries.reverse()];
  const chosen = fromNearest[Math.min(trustedHops, fromNearest.length - 1)];
  return normalised(chosen) ?? socketAddress;
}

/** Replaces whatever the client sent with the one address, in both header views Node keeps. */
function settleClientAddress(req) {
  const address = clientAddressOf(req);
  delete req.headers['x-real-ip'];
  req.headers['x-forwarded-for'] = address;
  const raw = [];
  for (let index = 0; index < req.rawHeaders.length; index += 2) {
    const name = req.rawHeaders[index].toLowerCase();
    if (name === 'x-forwarded-for' || name === 'x-real-ip') continue;
    raw.push(req.rawHeaders[index], req.rawHeaders[index + 1]);
  }
  raw.push('x-forwarded-for', address);
  req.rawHeaders.splice(0, req.rawHeaders.length, ...raw);
}

// Next's start-server calls http.createServer(listener) once; every request then goes through
// settleClientAddress first. (No HTTPS server: TLS ends at the ingress.)
const createServer = http.createServer;
http.createServer = function createServerSettlingClientAddress(...args) {
  const at = args.findIndex((arg) => typeof arg === 'function');
  if (at !== -1) {
    const listener = args[at];
    args[at] = function settledListener(req, res) {
      settleClientAddress(req);
      return listener.call(this, req, res);
    };
  }
  return createServer.apply(this, args);
};

env.SHOP_APP_ENTRY = '1';
await import(new URL('./server.js', import.meta.url).href);
