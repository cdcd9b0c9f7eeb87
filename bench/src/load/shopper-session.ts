import http from 'node:http';
import type { Socket } from 'node:net';

/** One answer as the session saw it: status 0 when no answer came (refused, reset, timed out). */
export interface Answer {
  status: number;
  body: string;
  ms: number;
  /** The error's code when no answer came (ECONNRESET, ETIMEDOUT, ...). */
  failure?: string;
}

export interface RequestOptions {
  json?: unknown;
  form?: Record<string, string>;
  /** Keep a 2xx answer's body (JSON the visit reads); pages are read to the end and dropped. */
  keepBody?: boolean;
}

/** A request slower than this counts as an error, as Artillery's `http.timeout` in scenario.ts. */
const requestTimeoutMs = 10_000;

/**
 * One shopper's browser: a single keep-alive connection of its own to the storefront (the agent
 * holds at most one socket, so every request of the session goes over it, and a closed one is
 * opened again on the next request), the session's cookies, and the client address an ingress
 * would name in `X-Forwarded-For` (the storefront runs with `TRUSTED_PROXY_HOPS=1`).
 */
export class ShopperSession {
  private readonly agent: http.Agent;
  private readonly cookies = new Map<string, string>();
  private socket: Socket | undefined;
  /** Connections this session has opened (more than one: the server closed an idle one). */
  connectionsOpened = 0;
  /** In a visit: the arrivals pick idle sessions only. */
  busy = false;

  constructor(
    private readonly target: URL,
    readonly clientAddress: string,
  ) {
    // TCP keep-alive probes after a minute idle, as browsers do (Node's default, 1 s, would have
    // the kernel probe each of 10,000 idle sockets every second).
    this.agent = new http.Agent({
      keepAlive: true,
      keepAliveMsecs: 60_000,
      maxSockets: 1,
      maxFreeSockets: 1,
    });
  }

  /** Whether this session's connection is open now. */
  isOpen(): boolean {
    return this.socket !== undefined && !this.socket.destroyed;
  }

  /** A new visitor on the same connection: no cookies (as each of bench:load's visits). */
  forgetCookies(): void {
    this.cookies.clear();
  }

  close(): void {
    this.agent.destroy();
  }

  request(method: 'GET' | 'POST', path: string, options: RequestOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { 'x-forwarded-for': this.clientAddress };
    let body: string | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    } else if (options.form) {
      body = new URLSearchParams(options.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    // The gateway takes state-changing calls only from the app's own pages (docs/security/edge.md).
    if (method === 'POST') headers['sec-fetch-site'] = 'same-origin';
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    return new Promise<Answer>((resolve) => {
      const req = http.request(
        {
          host: this.target.hostname,
          port: this.target.port,
          method,
          path,
          headers,
          agent: this.agent,
        },
        (res) => {
          this.keepCookies(res.headers['set-cookie']);
          const chunks: Buffer[] = [];
          // A non-2xx answer's body is kept too: its message says why.
          const ok = (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300;
          res.on('data', (chunk: Buffer) => {
            if (options.keepBody || !ok) chunks.push(chunk);
          });
          res.once('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              ms: elapsed(),
            }),
          );
          res.once('error', (error: NodeJS.ErrnoException) =>
            resolve({ status: 0, body: '', ms: elapsed(), failure: error.code ?? error.message }),
          );
        },
      );
      req.on('socket', (socket: Socket) => {
        if (socket !== this.socket) {
          this.socket = socket;
          this.connectionsOpened += 1;
        }
      });
      req.setTimeout(requestTimeoutMs, () => {
        const timeout: NodeJS.ErrnoException = new Error('request timed out');
        timeout.code = 'ETIMEDOUT';
        req.destroy(timeout);
      });
      req.once('error', (error: NodeJS.ErrnoException) =>
        resolve({ status: 0, body: '', ms: elapsed(), failure: error.code ?? error.message }),
      );
      req.end(body);
    });
  }

  /** `name=value` of each Set-Cookie; an empty value or `Max-Age=0` removes the cookie. */
  private keepCookies(lines: string[] | undefined): void {
    for (const line of lines ?? []) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      if (at <= 0) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
