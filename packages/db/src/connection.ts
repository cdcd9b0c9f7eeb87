import { dbConfig } from './config';
import mongoose, { type ConnectOptions, type Connection, type mongo } from 'mongoose';

type MongoClient = mongo.MongoClient;
import { type DatabaseDomain, domainDatabases } from './domains';

export interface ConnectDomainOptions {
  /** Default: `MONGODB_URI` (src/config). */
  uri?: string;
  /**
   * Prepended to the database name (`t1a2b_products_db`), so tests sharing one server do not see
   * each other's data. Default: `MONGODB_DB_PREFIX`, else none.
   */
  dbNamePrefix?: string;
}

export const connectionOptions = {
  // A down server fails requests within seconds instead of queueing them without end.
  serverSelectionTimeoutMS: 5_000,
  bufferCommands: false,
  // Models declare their indexes; creating them at start keeps the schema the single truth.
  autoIndex: true,
  autoCreate: true,
  // Command started/succeeded/failed events feed the MongoDB metrics (observeMongoClients).
  monitorCommands: true,
} satisfies ConnectOptions;

/** Called with each server's driver client as it is created (before it connects). */
export type MongoClientObserver = (client: MongoClient) => void;
const clientObservers = new Set<MongoClientObserver>();

/**
 * Watch the driver client of every server connection, those already open and those opened later
 * (one per server; domains are views of it). The cell host's metrics use its monitoring events.
 */
export function observeMongoClients(observer: MongoClientObserver): void {
  clientObservers.add(observer);
  for (const connecting of baseConnections.values()) {
    void connecting.then((connection) => observer(connection.getClient())).catch(() => undefined);
  }
}

/** How long a ping may take before readiness reports the database as down. */
const PING_TIMEOUT_MS = 1_000;

/** One driver connection (and pool) per server; each domain is a `useDb` view of it. */
const baseConnections = new Map<string, Promise<Connection>>();

export function databaseName(
  domain: DatabaseDomain,
  dbNamePrefix = dbConfig().MONGODB_DB_PREFIX ?? '',
): string {
  return `${dbNamePrefix}${domainDatabases[domain]}`;
}

/** The domain's own database on the MongoDB server, connected and ready for its models. */
export async function connectDomainDatabase(
  domain: DatabaseDomain,
  options: ConnectDomainOptions = {},
): Promise<Connection> {
  const uri = options.uri ?? dbConfig().MONGODB_URI;
  if (!uri) {
    throw new Error(
      `Cannot connect the ${domain} database: MONGODB_URI is not set. ` +
        'Start the stack with `pnpm dev` (which resolves a MongoDB) or set MONGODB_URI.',
    );
  }
  const base = await baseConnection(uri);
  return base.useDb(databaseName(domain, options.dbNamePrefix), { useCache: true });
}

function baseConnection(uri: string): Promise<Connection> {
  let connecting = baseConnections.get(uri);
  if (!connecting) {
    const connection = mongoose.createConnection(uri, connectionOptions);
    // The client exists once createConnection returns, so pool events from the start are seen.
    for (const observe of clientObservers) observe(connection.getClient());
    connecting = connection.asPromise();
    baseConnections.set(uri, connecting);
    // A failed attempt must not be cached, or the next caller could never retry.
    connecting.catch(() => baseConnections.delete(uri));
  }
  return connecting;
}

/** Resolves when the server answers a ping; rejects within about a second when it does not. */
export async function pingDatabase(connection: Connection): Promise<void> {
  const db = connection.db;
  if (!db || connection.readyState !== mongoose.ConnectionStates.connected) {
    throw new Error(`database ${connection.name} is not connected`);
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `database ${connection.name} did not answer a ping within ${PING_TIMEOUT_MS} ms`,
          ),
        ),
      PING_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([db.command({ ping: 1 }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes every connection opened here (for graceful shutdown and test teardown). */
export async function closeDatabaseConnections(): Promise<void> {
  const open = [...baseConnections.values()];
  baseConnections.clear();
  await Promise.all(
    open.map(async (connecting) => {
      const connection = await connecting.catch(() => undefined);
      await connection?.close();
    }),
  );
}
