import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface HoldingProxy {
  /** `mongodb://127.0.0.1:<port>/...`: the target URI with its host swapped for the proxy. */
  uri: string;
  /** From now on, the database's answers are held back until `release()`. */
  hold(): void;
  /** Sends every held answer on, in order, and stops holding. */
  release(): void;
  /**
   * Resolves when the next command mentioning `text` (a collection name, say) reaches the
   * database. Call it before the request that sends the command.
   */
  commandSeen(text: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of the test database that can hold the database's answers back: a real
 * slow dependency for tests of draining, without a test-only procedure in the shipped code. The
 * test decides when the answer comes, so nothing depends on how fast the machine is.
 */
export async function holdingProxy(targetUri: string): Promise<HoldingProxy> {
  const target = new URL(targetUri);
  let holding = false;
  let held: (() => void)[] = [];
  const watchers: { text: string; seen: () => void }[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      for (const watcher of [...watchers]) {
        if (chunk.includes(watcher.text)) {
          watchers.splice(watchers.indexOf(watcher), 1);
          watcher.seen();
        }
      }
    });
    upstream.on('data', (chunk: Buffer) => {
      if (holding) held.push(() => client.write(chunk));
      else client.write(chunk);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxied = new URL(targetUri);
  proxied.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    uri: proxied.toString(),
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      const waiting = held;
      held = [];
      for (const send of waiting) send();
    },
    commandSeen: (text) => new Promise((seen) => watchers.push({ text, seen })),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
