import { type Logger } from 'pino';

export type MongoKind = 'external' | 'mongod' | 'in-memory-wire';

/** A MongoDB server this process can use, and what that server actually guarantees. */
export interface ResolvedMongo {
  uri: string;
  kind: MongoKind;
  enforces: { uniqueIndexes: boolean; transactions: boolean };
  /** Stops the server if this process started it; a no-op for an external one. */
  stop(): Promise<void>;
}

export interface ResolveMongoOptions {
  /** `dev` keeps data between runs under `dataDir`; `test` starts empty and in memory. */
  mode: 'dev' | 'test';
  /** Where dev data lives. Default: `<repo>/.data/mongo`. */
  dataDir?: string;
  logger?: Logger;
}
