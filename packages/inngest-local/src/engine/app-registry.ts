import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { compileExpression, matchScope, triggerScope } from '../expression';
import {
  ignoredFunctionOptions,
  type FunctionConfig,
  type RegisterRequest,
} from '../protocol/register-request';
import type { AppDocument, AppModel, FunctionDefinition } from '../store/app-model';
import { driverCollection } from '../store/driver-collection';
import { insertIfAbsent } from '../store/insert-if-absent';
import type { JobDocument, JobModel } from '../store/job-model';
import { canonicalJson } from '../protocol/canonical-json';
import { parseDurationMs } from '../protocol/time-string';
import { assertValidCron, nextCronRun } from './cron-schedule';
import { defaultRetries } from './executor-config';

/**
 * How long the functions read from the database serve event fan-outs before they are read again.
 * A sync through this executor replaces them at once; one through another executor sharing the
 * database is seen within this time.
 */
export const functionsCacheMs = 1_000;

/** A sync the executor cannot honour; answered with 400 and this message. */
export class SyncRejectedError extends Error {
  override name = 'SyncRejectedError';
}

/**
 * Apps and their functions as last synced. A sync replaces the app's document in one write, then
 * brings the app's cron jobs in line with its cron triggers.
 */
export class AppRegistry {
  private cached: { functions: FunctionDefinition[]; readAt: number } | undefined;
  private reading: Promise<FunctionDefinition[]> | undefined;
  /** Bumped by every sync, so a read that started before one does not cache what it read. */
  private generation = 0;
  private readonly cancelEvents = new Set<string>();

  constructor(
    private readonly apps: AppModel,
    private readonly jobs: JobModel,
    private readonly logger: Logger,
  ) {}

  async sync(request: RegisterRequest): Promise<{ modified: boolean; functions: number }> {
    const appId = request.appName;
    const functions = request.functions.map((config) => toDefinition(appId, config));

    const previous = await this.apps.findOne({ appId }).lean<AppDocument>();
    const modified =
      !previous ||
      previous.url !== request.url ||
      canonicalJson(previous.functions) !== canonicalJson(functions);

    await this.apps.updateOne(
      { appId },
      {
        $set: {
          url: request.url,
          sdk: request.sdk,
          framework: request.framework,
          appVersion: request.appVersion,
          functions,
          syncedAt: new Date(),
        },
      },
      { upsert: true },
    );
    this.generation += 1;
    this.cached = undefined;
    this.reading = undefined;
    await this.syncCronJobs(appId, functions);

    if (modified) {
      this.logger.info({ appId, url: request.url, functions: functions.length }, 'app synced');
      for (const fn of functions) {
        if (fn.ignoredOptions.length > 0) {
          this.logger.warn(
            { functionId: fn.id, options: fn.ignoredOptions },
            'function options not enforced by inngest-local',
          );
        }
      }
    }
    return { modified, functions: functions.length };
  }

  /**
   * Every synced function, read at most once per `functionsCacheMs` (each event's fan-out needs
   * them; the apps' documents are the largest the executor reads). Callers must not change them.
   */
  async allFunctions(): Promise<FunctionDefinition[]> {
    if (this.cached && Date.now() - this.cached.readAt < functionsCacheMs) {
      return this.cached.functions;
    }
    this.reading ??= this.readFunctions().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  /**
   * Whether a run may hold a `cancelOn` rule for this event name: some function read by this
   * executor has one. (Runs copy their rules from their function when they start; runs started
   * before this process are covered by `RunCanceller`.)
   */
  mayCancelOn(eventName: string): boolean {
    return this.cancelEvents.has(eventName);
  }

  private async readFunctions(): Promise<FunctionDefinition[]> {
    const generation = this.generation;
    const apps = await this.apps
      .find({}, { functions: 1 })
      .lean<Pick<AppDocument, 'functions'>[]>();
    const functions = apps.flatMap((app) => app.functions);
    for (const fn of functions) for (const rule of fn.cancel) this.cancelEvents.add(rule.event);
    if (generation === this.generation) this.cached = { functions, readAt: Date.now() };
    return functions;
  }

  async findFunction(functionId: string): Promise<FunctionDefinition | undefined> {
    const functions = await this.allFunctions();
    return functions.find((fn) => fn.id === functionId);
  }

  async listApps(): Promise<AppDocument[]> {
    return this.apps.find({}).sort({ appId: 1 }).lean<AppDocument[]>();
  }

  private async syncCronJobs(appId: string, functions: FunctionDefinition[]): Promise<void> {
    const now = new Date();
    const wanted: string[] = [];
    for (const fn of functions) {
      for (const trigger of fn.triggers) {
        if (!('cron' in trigger)) continue;
        const id = cronJobId(fn.id, trigger.cron);
        wanted.push(id);
        const dueAt = nextCronRun(trigger.cron, now);
        if (!dueAt) continue;
        const job: Omit<JobDocument, 'jobId'> = {
          kind: 'cron',
          appId,
          functionId: fn.id,
          cron: trigger.cron,
          dueAt,
          attempt: 0,
          seq: 0,
          leaseOwner: null,
          leaseUntil: null,
          createdAt: now,
        };
        // Insert only: a re-sync must not push back a tick that is already scheduled.
        await insertIfAbsent(driverCollection(this.jobs), { jobId: id }, job);
      }
    }
    await this.jobs.deleteMany({ kind: 'cron', appId, jobId: { $nin: wanted } });
  }
}

export function cronJobId(functionId: string, cron: string): string {
  return `cron:${functionId}:${createHash('sha1').update(cron).digest('hex').slice(0, 12)}`;
}

function toDefinition(appId: string, config: FunctionConfig): FunctionDefinition {
  const step = config.steps.step ?? Object.values(config.steps)[0];
  if (!step) throw new SyncRejectedError(`function "${config.id}" has no step URL`);

  const where = (what: string) => `function "${config.id}" ${what}`;
  const triggers: FunctionDefinition['triggers'] = config.triggers.map((trigger) => {
    if ('cron' in trigger) {
      try {
        assertValidCron(trigger.cron);
      } catch (error) {
        throw new SyncRejectedError(
          `${where(`cron "${trigger.cron}"`)}: ${(error as Error).message}`,
        );
      }
      return { cron: trigger.cron };
    }
    if (trigger.expression) {
      checkExpression(trigger.expression, triggerScope, where('trigger expression'));
      return { event: trigger.event, expression: trigger.expression };
    }
    return { event: trigger.event };
  });

  const cancel = (config.cancel ?? []).map((rule) => {
    if (rule.if) checkExpression(rule.if, matchScope, where('cancelOn expression'));
    return rule;
  });
  if (config.idempotency)
    checkExpression(config.idempotency, triggerScope, where('idempotency key'));
  const batch = config.batchEvents;
  if (batch) {
    if (parseDurationMs(batch.timeout) === undefined) {
      throw new SyncRejectedError(`${where('batchEvents.timeout')}: not a time string`);
    }
    if (batch.key) checkExpression(batch.key, triggerScope, where('batchEvents.key'));
    if (batch.if) checkExpression(batch.if, triggerScope, where('batchEvents.if'));
  }

  const configRecord = config as Record<string, unknown>;
  return {
    id: config.id,
    name: config.name ?? config.id,
    appId,
    stepUrl: step.runtime.url,
    maxAttempts: (step.retries?.attempts ?? defaultRetries) + 1,
    triggers,
    cancel,
    ...(config.idempotency ? { idempotency: config.idempotency } : {}),
    ...(batch ? { batch } : {}),
    ignoredOptions: ignoredFunctionOptions.filter((option) => configRecord[option] != null),
  };
}

function checkExpression(source: string, scope: readonly string[], where: string): void {
  try {
    compileExpression(source, scope);
  } catch (error) {
    throw new SyncRejectedError(`${where}: ${(error as Error).message}`);
  }
}
