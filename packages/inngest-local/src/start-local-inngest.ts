import type { Server } from 'node:http';
import { hostname } from 'node:os';
import pino, { type Logger } from 'pino';
import { executorConfig } from './config';
import { AppRegistry } from './engine/app-registry';
import { AppSyncer } from './engine/app-syncer';
import type { EngineParts } from './engine/engine-parts';
import { EventIngestor } from './engine/event-ingestor';
import {
  defaultExecutorConfig,
  engineLimits,
  type ExecutorConfig,
  type ExecutorLimits,
} from './engine/executor-config';
import { housekeeping } from './engine/housekeeping';
import { jobHandlers } from './engine/job-handlers';
import { JobQueue } from './engine/job-queue';
import { RunCanceller } from './engine/run-canceller';
import { RunFinisher } from './engine/run-finisher';
import { RunKeys } from './engine/run-keys';
import { RunStarter } from './engine/run-starter';
import { EventBatcher } from './engine/event-batcher';
import { RunState } from './engine/run-state';
import { Scheduler } from './engine/scheduler';
import { WaitResolver } from './engine/wait-resolver';
import { newUlid } from './ids/ulid';
import { watchQueue } from './metrics/queue-gauges';
import { createHttpServer } from './server/http-server';
import type { RunDocument } from './store/run-model';
import { databaseName, openStore } from './store/store';

export interface LocalInngestOptions {
  /** Default 8288, the dev server's port; 0 picks a free one. */
  port?: number;
  /** Default 127.0.0.1: the executor has no authentication unless a signing key is set. */
  host?: string;
  /** Default `MONGODB_URI`. State lives in its database `inngest_local`. */
  mongoUri?: string;
  /**
   * Prepended to the database name so tests sharing a server stay apart (the convention of
   * `@shop/db`). Default `MONGODB_DB_PREFIX`, else none.
   */
  dbNamePrefix?: string;
  /** Serve endpoints to sync (`PUT`) until they answer, then periodically. Default `INNGEST_SYNC_URLS`. */
  appUrls?: string[];
  /** Default `INNGEST_SIGNING_KEY`. When set, requests to apps are signed as Inngest signs them. */
  signingKey?: string;
  /** Default `INNGEST_EVENT_KEY`. When set, other event keys are refused. */
  eventKey?: string;
  /** Default `METRICS_TOKEN`: a bearer token `/metrics` accepts besides the signing key. */
  metricsToken?: string;
  logger?: Logger;
  /**
   * Timings and limits; tests shorten retries (`retryScale`, else `INNGEST_LOCAL_RETRY_SCALE`)
   * and leases here. Limits default to the real engine's.
   */
  tuning?: Partial<Omit<ExecutorConfig, 'signingKey' | 'eventKey' | 'limits'>> & {
    limits?: Partial<ExecutorLimits>;
  };
}

export interface LocalInngest {
  /** Base URL for SDKs: `INNGEST_BASE_URL`. */
  url: string;
  /** Stops taking work, finishes or hands back in-flight calls, closes the server and database. */
  stop(): Promise<void>;
}

/** Starts the local executor: HTTP API, scheduler and app syncing, all state in MongoDB. */
export async function startLocalInngest(options: LocalInngestOptions = {}): Promise<LocalInngest> {
  const env = executorConfig();
  const mongoUri = options.mongoUri ?? env.MONGODB_URI;
  if (!mongoUri) {
    throw new Error('inngest-local needs MongoDB: pass mongoUri or set MONGODB_URI');
  }
  const { limits, ...tuning } = options.tuning ?? {};
  const config: ExecutorConfig = {
    ...defaultExecutorConfig,
    retryScale: env.INNGEST_LOCAL_RETRY_SCALE,
    retentionMs: env.INNGEST_LOCAL_RETENTION_HOURS * 60 * 60_000,
    ...tuning,
    limits: { ...engineLimits, maxEventBytes: env.INNGEST_LOCAL_MAX_EVENT_BYTES, ...limits },
    signingKey: options.signingKey ?? (env.INNGEST_SIGNING_KEY || undefined),
    eventKey: options.eventKey ?? (env.INNGEST_EVENT_KEY || undefined),
  };
  const appUrls = options.appUrls ?? parseUrlList(env.INNGEST_SYNC_URLS);
  const logger = options.logger ?? pino({ name: 'inngest-local', level: env.LOG_LEVEL });

  const dbNamePrefix = options.dbNamePrefix ?? env.MONGODB_DB_PREFIX ?? '';
  const store = await openStore(mongoUri, dbNamePrefix);
  const queue = new JobQueue(
    store.jobs,
    `${hostname()}:${process.pid}:${newUlid()}`,
    config.leaseMs,
    // Declared below; nothing is queued before the scheduler exists.
    (dueAt) => scheduler.wake(dueAt),
  );
  const state = new RunState(store.runs);
  const registry = new AppRegistry(store.apps, store.jobs, logger);
  // A new run's first call is made by this process at once when a worker is free: its job is
  // created already leased here (no claim) and the call sends the run as written (no read).
  const callNewRun = async (run: RunDocument): Promise<boolean> => {
    if (!scheduler.hasRoom()) return false;
    const job = await queue.createHeldDiscover(run.runId);
    if (!job) return false;
    if (!scheduler.adopt(job, run)) await queue.release(job.jobId);
    return true;
  };
  const starter = new RunStarter(store.runs, new RunKeys(store.runKeys), queue, logger, callNewRun);
  const batcher = new EventBatcher(store.batches, starter, queue, logger);
  // The finisher publishes through the ingestor, which needs the finisher to cancel runs.
  const emit = (
    event: { name: string; data: Record<string, unknown> },
    key: string,
    timeMs: number,
  ) => ingestor.ingestInternal(event, key, timeMs);
  const finisher = new RunFinisher(state, queue, emit, logger);
  const ingestor: EventIngestor = new EventIngestor(
    store.events,
    registry,
    starter,
    new WaitResolver(store.jobs, state, queue, logger),
    new RunCanceller(store.runs, finisher, registry),
    batcher,
    logger,
  );
  const parts: EngineParts = {
    config,
    logger,
    state,
    queue,
    finisher,
    starter,
    registry,
    ingestor,
    batcher,
  };
  const scheduler = new Scheduler(
    queue,
    jobHandlers(parts),
    {
      concurrency: config.concurrency,
      pollIntervalMs: config.pollIntervalMs,
      leaseMs: config.leaseMs,
      housekeeping: housekeeping({
        ingestor,
        store,
        queue,
        logger,
        retentionMs: config.retentionMs,
      }),
      housekeepingMs: 60_000,
    },
    logger,
  );

  const server = createHttpServer({
    store,
    registry,
    ingestor,
    finisher,
    signingKey: config.signingKey,
    eventKey: config.eventKey,
    metricsToken: options.metricsToken ?? (env.METRICS_TOKEN || undefined),
    maxEventBytes: config.limits.maxEventBytes,
    logger,
  });
  let port: number;
  try {
    port = await listen(server, options.port ?? 8288, options.host ?? '127.0.0.1');
  } catch (error) {
    await store.close();
    throw error;
  }
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`;

  scheduler.start();
  const unwatchQueue = watchQueue(store);
  const syncer = new AppSyncer({
    urls: appUrls,
    resyncIntervalMs: config.resyncIntervalMs,
    signingKey: config.signingKey,
    logger,
  });
  syncer.start();
  logger.info(
    {
      url,
      database: `${dbNamePrefix}${databaseName}`,
      apps: appUrls.length,
      signed: Boolean(config.signingKey),
    },
    'inngest-local listening',
  );

  let stopping: Promise<void> | undefined;
  return {
    url,
    stop: () =>
      (stopping ??= (async () => {
        syncer.stop();
        // The scheduler first: in-flight steps may still send events to this server.
        await scheduler.stop(config.shutdownGraceMs);
        await closeServer(server);
        unwatchQueue();
        await store.close();
        logger.info({ url }, 'inngest-local stopped');
      })()),
  };
}

function parseUrlList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), 2_000);
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
