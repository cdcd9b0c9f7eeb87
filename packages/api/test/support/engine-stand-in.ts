import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EngineStandIn {
  url: string;
  /** Requests it has received, as `METHOD /path`. */
  seen: string[];
  close(): Promise<void>;
}

/**
 * Stands where the Inngest engine should be but answers every request with an HTML error page
 * (as a misrouted proxy or a half-started engine does), and records what reached it.
 */
export async function brokenEngine(): Promise<EngineStandIn> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    req.resume();
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end('<!DOCTYPE html><title>Bad gateway</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
