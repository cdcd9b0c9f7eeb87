import { type Server } from 'node:net';
import { type Logger } from 'pino';
import { loadCongo } from './congo-module';
import { restoreSnapshot, serializeSnapshot, writeSnapshot } from './congo-snapshot';
import { type ResolvedMongo } from './resolved-mongo';

/** Dev data is saved this often (and on stop); a crash loses at most this much. */
const SNAPSHOT_INTERVAL_MS = 5_000;

export interface StartCongoOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Extended-JSON file to restore from at start and save to while running (dev only). */
  snapshotFile?: string;
  logger?: Logger;
}

/**
 * Starts CongoDB, the in-memory MongoDB-wire-compatible server from @push.rocks/smartmongo: the
 * fallback when no real mongod exists. It does not enforce unique indexes, transactions, $text or
 * positional updates, so the resolver tells the user so.
 */
export async function startCongo(options: StartCongoOptions = {}): Promise<ResolvedMongo> {
  const { CongoServer } = await loadCongo();
  const host = options.host ?? '127.0.0.1';
  const server = new CongoServer({ host, port: options.port ?? 0 });
  const storage = server.getStorage();
  const { snapshotFile, logger } = options;

  if (snapshotFile) {
    const restored = await restoreSnapshot(storage, snapshotFile);
    logger?.info({ snapshotFile, documents: restored }, 'in-memory MongoDB restored dev data');
  }
  await server.start();
  const port = listeningPort(server, options.port ?? 0);

  let lastSaved = '';
  const save = async () => {
    if (!snapshotFile) return;
    const text = await serializeSnapshot(storage);
    if (text === lastSaved) return;
    await writeSnapshot(snapshotFile, text);
    lastSaved = text;
  };
  if (snapshotFile) lastSaved = await serializeSnapshot(storage);
  const timer = snapshotFile
    ? setInterval(() => {
        save().catch((error: unknown) => logger?.error({ err: error }, 'saving dev data failed'));
      }, SNAPSHOT_INTERVAL_MS)
    : undefined;
  timer?.unref(); // saving must never be what keeps a process alive

  let stopped = false;
  return {
    // The driver's default streaming server monitoring makes CongoDB stall commands by ~400 ms now
    // and then; polling monitoring keeps them at ~1 ms (measured by the inngest-local work).
    uri: `mongodb://${host}:${port}/?serverMonitoringMode=poll`,
    kind: 'in-memory-wire',
    enforces: { uniqueIndexes: false, transactions: false },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await save();
      await server.stop();
    },
  };
}

/**
 * CongoServer reports the port it was asked for, which is 0 for an ephemeral one; the bound port
 * is only on its private net.Server, so we read it there.
 */
function listeningPort(server: object, requested: number): number {
  const net = (server as { server?: Server | null }).server;
  const address = net?.address();
  if (address && typeof address === 'object') return address.port;
  if (requested !== 0) return requested;
  throw new Error('CongoDB started but its listening port could not be determined');
}
