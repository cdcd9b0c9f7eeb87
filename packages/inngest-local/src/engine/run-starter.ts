import type { Logger } from 'pino';
import { compileExpression, triggerScope } from '../expression';
import type { EventPayload } from '../protocol/event-payload';
import { resolveDeadline } from '../protocol/time-string';
import type { FunctionDefinition } from '../store/app-model';
import type { mongo } from 'mongoose';
import { driverCollection } from '../store/driver-collection';
import { insertIfAbsent } from '../store/insert-if-absent';
import type { CancelListener, RunDocument, RunModel } from '../store/run-model';
import type { JobQueue } from './job-queue';
import type { RunKeys } from './run-keys';

export interface StartRunInput {
  fn: FunctionDefinition;
  events: EventPayload[];
  /** The executor's ids of those events (an event's own `id` may be the sender's idempotency key). */
  eventIds: string[];
  /** Deterministic per trigger (event + function, cron tick, invoking step) so retries reuse it. */
  runId: string;
  parent?: { runId: string; hash: string };
  /**
   * For event-triggered runs: the event's `id` (the sender's, else the executor's). One run per
   * function and key within 24 h, as on the real engine; a function's `idempotency` expression
   * replaces it.
   */
  eventKey?: string;
  /** The trace the run continues: its event's sender's, or the invoking run's. */
  traceparent?: string;
}

/**
 * Makes a new run's first call from this process now, given the run as just written; `false`
 * when it cannot (no free worker, or the run has a discovery job already).
 */
export type CallNewRun = (run: RunDocument) => Promise<boolean>;

/** Creates runs: one document plus a request to call the function for the first time. */
export class RunStarter {
  private readonly runs: mongo.Collection<RunDocument>;

  constructor(
    runs: RunModel,
    private readonly keys: RunKeys,
    private readonly queue: JobQueue,
    private readonly logger: Logger,
    /** Without it (or when it declines) the first call is queued like any other. */
    private readonly callNow?: CallNewRun,
  ) {
    this.runs = driverCollection(runs);
  }

  /** Returns the run id, or `null` when the function's idempotency key says it already ran. */
  async start({
    fn,
    events,
    eventIds,
    runId,
    parent,
    eventKey,
    traceparent,
  }: StartRunInput): Promise<string | null> {
    const now = new Date();
    const event = events[0];
    const idempotencyKey = fn.idempotency && event ? keyFor(fn.idempotency, event) : eventKey;
    if (idempotencyKey !== undefined) {
      const holder = await this.keys.claim(fn.id, idempotencyKey, runId, now);
      if (holder !== runId) {
        this.logger.info({ functionId: fn.id, runId: holder }, 'run skipped: idempotency key seen');
        return null;
      }
    }

    const run: RunDocument = {
      runId,
      appId: fn.appId,
      functionId: fn.id,
      functionName: fn.name,
      stepUrl: fn.stepUrl,
      maxAttempts: fn.maxAttempts,
      eventIds,
      eventsJson: JSON.stringify(events),
      status: 'Running',
      steps: {},
      stack: [],
      parallel: false,
      pending: [],
      stepJobsQueued: false,
      stateBytes: Buffer.byteLength(JSON.stringify(events)),
      cancelOn: fn.cancel.map((rule): CancelListener => ({
        event: rule.event,
        ...(rule.if ? { expression: rule.if } : {}),
        ...(rule.timeout ? { expiresAt: resolveDeadline(rule.timeout, now.getTime()) } : {}),
      })),
      ...(parent ? { parent } : {}),
      ...(traceparent ? { traceparent } : {}),
      startedAt: now,
    };
    const { runId: _key, ...fields } = run;
    if (await insertIfAbsent(this.runs, { runId }, fields)) {
      this.logger.info(
        { runId, functionId: fn.id, eventName: event?.name, parentRunId: parent?.runId },
        'run started',
      );
      // Called at once by this process when it can: no claim, and no read of what it just wrote.
      if (!(await this.callNow?.(run))) await this.queue.requestDiscover(runId);
      return runId;
    }
    // The run exists: this is a retried send or a resumed fan-out. Ask for a first call only if
    // the run never got one (it was created just before a crash), which is harmless otherwise.
    const existing = await this.runs.findOne({ runId }, { projection: { status: 1, stack: 1 } });
    if (existing?.status === 'Running' && existing.stack.length === 0) {
      await this.queue.requestDiscover(runId);
    }
    return runId;
  }
}

function keyFor(expression: string, event: EventPayload): string | undefined {
  const value = compileExpression(expression, triggerScope).evaluate({ event });
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
