import type { Logger } from 'pino';
import type { AppRegistry } from './app-registry';
import type { EventBatcher } from './event-batcher';
import type { EventIngestor } from './event-ingestor';
import type { ExecutorConfig } from './executor-config';
import type { JobQueue } from './job-queue';
import type { RunFinisher } from './run-finisher';
import type { RunStarter } from './run-starter';
import type { RunState } from './run-state';

/** The collaborators job handlers need, wired once in `startLocalInngest`. */
export interface EngineParts {
  config: ExecutorConfig;
  logger: Logger;
  state: RunState;
  queue: JobQueue;
  finisher: RunFinisher;
  starter: RunStarter;
  registry: AppRegistry;
  ingestor: EventIngestor;
  batcher: EventBatcher;
}
