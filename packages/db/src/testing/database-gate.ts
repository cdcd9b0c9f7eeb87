import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface DatabaseGate {
  /** The MongoDB URI to give the platform: the gate, not the database. */
  uri: string;
  /** Drops every open connection and refuses new ones until `reopen()`. */
  cut(): void;
  reopen(): void;
  /** `cut()`, wait `ms`, `reopen()`. */
  cutFor(ms: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP relay on loopback between the platform and its database, so a test can make the
 * database unreachable (connections reset and refused) without stopping it: the data stays, as
 * it does when a network partition heals. Port 0 picks a free one.
 */
export async function startDatabaseGate(databaseUri: string, port = 0): Promise<DatabaseGate> {
  const target = new URL(databaseUri);
  const targetPort = Number(target.port || 27017);
  const open = new Set<Socket>();
  let isCut = false;
  const server = createServer((client) => {
    if (isCut) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, target.hostname);
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const gated = new URL(databaseUri);
  gated.hostname = '127.0.0.1';
  gated.port = String((server.address() as AddressInfo).port);
  const cut = () => {
    isCut = true;
    for (const socket of open) socket.destroy();
    open.clear();
  };
  const reopen = () => {
    isCut = false;
  };
  return {
    uri: gated.toString(),
    cut,
    reopen,
    async cutFor(ms) {
      cut();
      await new Promise((resolve) => setTimeout(resolve, ms));
      reopen();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
