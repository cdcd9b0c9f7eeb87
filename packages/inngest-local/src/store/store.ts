import mongoose from 'mongoose';
import { databaseCommands } from '../metrics/executor-metrics';
import { appModel, type AppModel } from './app-model';
import { batchModel, type BatchModel } from './batch-model';
import { eventModel, type EventModel } from './event-model';
import { jobModel, type JobModel } from './job-model';
import { runKeyModel, type RunKeyModel } from './run-key-model';
import { runModel, type RunModel } from './run-model';

export const databaseName = 'inngest_local';

/*
 * Every collection is keyed by a field of its own (`runId`, `jobId`, `eventId`, `appId`) with a
 * unique index, and `_id` is left to the driver: the fallback in-memory server stores only
 * ObjectId `_id`s, and the executor's keys are ULIDs and composite strings.
 */
export interface Store {
  apps: AppModel;
  events: EventModel;
  runs: RunModel;
  jobs: JobModel;
  runKeys: RunKeyModel;
  batches: BatchModel;
  close(): Promise<void>;
}

/** Opens the executor's own connection (database `<prefix>inngest_local`) and ensures its indexes. */
export async function openStore(uri: string, dbNamePrefix = ''): Promise<Store> {
  const connection = mongoose.createConnection(uri, {
    dbName: `${dbNamePrefix}${databaseName}`,
    serverSelectionTimeoutMS: 10_000,
    autoIndex: false,
    // Streaming monitoring against the in-memory fallback server (which answers awaitable `hello`
    // at once with a new topology version) stalls ordinary commands for ~400 ms now and then.
    // Polling costs a real MongoDB only slower failover detection, which a local executor can bear.
    serverMonitoringMode: 'poll',
    // The hot path writes through the driver (store/driver-collection.ts): an optional field left
    // undefined is left out, as mongoose would, rather than stored as null.
    ignoreUndefined: true,
    // Counted by command and collection (`inngest_local_database_commands_total`): what a run costs the database.
    monitorCommands: true,
  });
  await connection.asPromise();
  connection.getClient().on('commandStarted', (event) => {
    // The collection is the command's own field (`{ find: 'jobs' }`); admin commands have none.
    const target: unknown = (event.command as Record<string, unknown>)[event.commandName];
    databaseCommands.labels(event.commandName, typeof target === 'string' ? target : '').inc();
  });
  const store = {
    apps: appModel(connection),
    events: eventModel(connection),
    runs: runModel(connection),
    jobs: jobModel(connection),
    runKeys: runKeyModel(connection),
    batches: batchModel(connection),
  };
  await Promise.all(Object.values(store).map((model) => model.createIndexes()));
  return { ...store, close: () => connection.close() };
}
