import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface DelayingProxy {
  /** `mongodb://127.0.0.1:<port>/...`: the target URI with its host swapped for the proxy. */
  uri: string;
  /** From now on, every chunk the server sends back is held this long. */
  setDelay(ms: number): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of the test database that can be told to answer slowly: a real slow
 * dependency for tests of draining, without a test-only procedure in the shipped code.
 */
export async function delayingProxy(targetUri: string): Promise<DelayingProxy> {
  const target = new URL(targetUri);
  let delayMs = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      const held = delayMs;
      if (held === 0) client.write(chunk);
      else setTimeout(() => client.write(chunk), held);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxied = new URL(targetUri);
  proxied.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    uri: proxied.toString(),
    setDelay: (ms) => (delayMs = ms),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
