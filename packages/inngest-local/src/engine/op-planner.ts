import { createHash } from 'node:crypto';
import { compileExpression, matchScope } from '../expression';
import { deterministicUlid, newUlid, ulidTime } from '../ids/ulid';
import type { EventPayload } from '../protocol/event-payload';
import { opcodes, type OutgoingOp } from '../protocol/outgoing-op';
import { resolveDeadline } from '../protocol/time-string';
import type { JobDocument, JobKind } from '../store/job-model';
import type { RunDocument } from '../store/run-model';
import { toSerializedError, type SerializedError } from './app-caller';
import type { EngineParts } from './engine-parts';
import { retries } from '../metrics/executor-metrics';
import { retryDelayMs } from './executor-config';
import { farFuture, JobQueue } from './job-queue';
import { overflowsState, stateOverflowError, stepLimitError } from './limit-errors';
import { parallelModeOf, raceMode, shouldCallAgain } from './resume-rule';
import { runEvents } from './run-state';

/** The SDK reports function-level results that ride with other ops under this step id. */
const runCompleteHash = createHash('sha1').update('complete').digest('hex');

export type PlanVerdict =
  /**
   * Recorded and queued; `callAgain`: the function must be called again now (the caller does),
   * with `run` as the last write left it when that write was the answer's last change to it.
   */
  | { kind: 'continue'; callAgain: boolean; run?: RunDocument }
  /** The answer ended the run; `ended`: this call did (its jobs are gone). */
  | { kind: 'finished'; ended: boolean }
  /** The run breaks one of the engine's limits: it fails at once, without retries. */
  | { kind: 'failed'; error: SerializedError }
  /** The function itself failed in a way that should be retried like an error response. */
  | { kind: 'retry'; error: SerializedError; retryAfterMs?: number };

/** Human step id for logs and errors. */
export function stepName(op: OutgoingOp): string {
  return op.userland?.id ?? op.displayName ?? op.name ?? op.id;
}

/** Ops that ask the engine to do something and end later (`hasPlanOp` in executor.go). */
const planOpcodes = new Set<string>([
  opcodes.aiGateway,
  opcodes.gateway,
  opcodes.invokeFunction,
  opcodes.sleep,
  opcodes.stepPlanned,
  opcodes.waitForEvent,
  opcodes.waitForSignal,
]);

/**
 * Acts on the ops of a 206 answer to a discovery call: records what the SDK already ran, queues
 * what it planned (steps, sleeps, waits, invocations), and says whether the function is to be
 * called again now, as the real engine would (the discovery job's handler makes that call).
 * Re-reported ops are no-ops: their job ids already exist.
 *
 * Parallel steps follow the engine's protocol (`HandleGeneratorResponse` and
 * `maybeEnqueueDiscoveryStep` in inngest/inngest `pkg/execution/executor/executor.go`): when an
 * SDK that optimises parallelism (`x-inngest-req-version` 2, the v4 default) reports more than
 * one op with at least one to plan, those ops become the run's pending set, and the function is
 * called again only once every one of them has ended, unless the op that ended is in race mode.
 */
export async function planOps(
  parts: EngineParts,
  run: RunDocument,
  job: JobDocument,
  answer: { ops: OutgoingOp[]; noRetry: boolean; retryAfterMs?: number; requestVersion: number },
): Promise<PlanVerdict> {
  const { state, logger } = parts;
  const lazy = new Set<string>([opcodes.deferAdd, opcodes.deferAbort]);
  const ops = answer.ops.filter((op) => !lazy.has(op.op));
  if (ops.length < answer.ops.length) {
    logger.warn({ runId: run.runId }, 'defer() ops are not supported by inngest-local; ignored');
  }
  // The engine refuses a plan with more ops than the step limit outright.
  if (ops.length > parts.config.limits.maxSteps) {
    return { kind: 'failed', error: stepLimitError(parts.config.limits.maxSteps) };
  }
  if (ops.length > 1 && !run.parallel) {
    await state.markParallel(run.runId);
    run.parallel = true;
  }
  if (answer.requestVersion >= 2 && ops.length > 1 && ops.some((op) => planOpcodes.has(op.op))) {
    await state.savePending(
      run.runId,
      ops.map((op) => op.id),
    );
  }

  const context = { runId: run.runId, functionId: run.functionId };
  // Something ended in this answer (a step run inline, a failure recorded), and whether in race mode.
  let ended = false;
  let endedInRace = false;
  // The SDK asked to be called again regardless (`DiscoveryRequest`).
  let callAgain = false;
  // Whether parallel steps are still pending, as the last recorded result left them.
  let pendingLeft: boolean | undefined;
  // The run as the last recorded result left it; dropped by any later change made elsewhere.
  let latest: RunDocument | undefined;
  const noteEnded = (op: OutgoingOp) => {
    ended = true;
    if (parallelModeOf(op.opts) === raceMode) endedInRace = true;
  };
  const settle = async (op: OutgoingOp, entry: { data: unknown } | { error: unknown }) => {
    const settled = await state.settle(run.runId, op.id, entry, { withRun: true });
    pendingLeft = settled.pendingLeft;
    latest = settled.run;
    return settled.recorded;
  };
  const recordError = async (op: OutgoingOp, error: SerializedError) => {
    if (await settle(op, { error })) {
      logger.warn(
        { ...context, step: stepName(op), error: { name: error.name, message: error.message } },
        'step failed',
      );
    }
    noteEnded(op);
  };

  for (const op of ops) {
    const step = stepName(op);
    switch (op.op) {
      case opcodes.runComplete:
        return { kind: 'finished', ended: await parts.finisher.complete(run, op.data ?? null) };

      case opcodes.stepRun:
      case opcodes.legacyStep:
        if (overflowsState(run, op.data, parts.config.limits.maxStateBytes)) {
          return { kind: 'failed', error: stateOverflowError(parts.config.limits.maxStateBytes) };
        }
        if (await settle(op, { data: op.data ?? null })) {
          logger.info({ ...context, step, attempt: job.attempt }, 'step completed');
        }
        noteEnded(op);
        break;

      case opcodes.stepFailed:
        if (op.id === runCompleteHash) {
          return {
            kind: 'finished',
            ended: await parts.finisher.fail(run, toSerializedError(op.error)),
          };
        }
        await recordError(op, toSerializedError(op.error));
        break;

      case opcodes.stepError: {
        if (op.id === runCompleteHash) {
          return {
            kind: 'retry',
            error: toSerializedError(op.error),
            retryAfterMs: answer.retryAfterMs,
          };
        }
        // A step run inline by this call failed: retry it as a call of its own.
        const nextAttempt = job.attempt + 1;
        if (answer.noRetry || nextAttempt >= run.maxAttempts) {
          await recordError(op, toSerializedError(op.error));
          break;
        }
        const delayMs = answer.retryAfterMs ?? retryDelayMs(parts.config, nextAttempt);
        retries.labels(run.functionId, 'step').inc();
        const error = toSerializedError(op.error);
        logger.warn(
          {
            ...context,
            step,
            attempt: job.attempt,
            nextAttempt,
            delayMs,
            error: { name: error.name, message: error.message },
          },
          'step attempt failed; retrying',
        );
        await enqueueOp(parts, run, 'step', op, {
          attempt: nextAttempt,
          dueAt: new Date(Date.now() + delayMs),
        });
        break;
      }

      case opcodes.stepPlanned:
        if (await enqueueOp(parts, run, 'step', op, { dueAt: new Date() })) {
          logger.debug({ ...context, step }, 'step planned');
        }
        break;

      case opcodes.sleep: {
        const until = deadline(String(op.opts?.duration ?? op.name ?? ''));
        if (!until.ok) {
          await recordError(op, { name: 'Error', message: `invalid sleep: ${until.reason}` });
          break;
        }
        if (await enqueueOp(parts, run, 'sleep', op, { dueAt: until.at })) {
          logger.info({ ...context, step, until: until.at.toISOString() }, 'run sleeping');
        }
        break;
      }

      case opcodes.waitForEvent: {
        const eventName = String(op.opts?.event ?? op.name ?? '');
        const expression = typeof op.opts?.if === 'string' ? op.opts.if : undefined;
        const until = deadline(String(op.opts?.timeout ?? ''));
        if (!eventName || !until.ok) {
          await recordError(op, {
            name: 'Error',
            message: `invalid waitForEvent: ${eventName ? (until.ok ? '' : until.reason) : 'no event name'}`,
          });
          break;
        }
        if (expression) {
          try {
            compileExpression(expression, matchScope);
          } catch (error) {
            await recordError(op, { name: 'ExpressionError', message: (error as Error).message });
            break;
          }
        }
        const created = await enqueueOp(parts, run, 'wait', op, {
          dueAt: until.at,
          eventName,
          ...(expression ? { expression } : {}),
          matchEventJson: JSON.stringify(runEvents(run)[0] ?? null),
        });
        if (created) {
          logger.info(
            { ...context, step, eventName, until: until.at.toISOString() },
            'run waiting for event',
          );
        }
        break;
      }

      case opcodes.invokeFunction:
        latest = undefined; // may record the step through another path: read the run afresh
        if (await invoke(parts, run, op)) {
          pendingLeft = undefined; // recorded elsewhere: read what is pending afresh
          noteEnded(op);
        }
        break;

      case opcodes.discoveryRequest:
        callAgain = true;
        break;

      case opcodes.stepNotFound:
        return {
          kind: 'retry',
          error: { name: 'StepNotFound', message: `the SDK could not find step "${step}"` },
        };

      default:
        await recordError(op, {
          name: 'UnsupportedOpError',
          message: `inngest-local does not support the "${op.op}" operation (step "${step}")`,
        });
    }
  }

  // A step job queued after the last recorded result: that write's copy does not say so.
  if (latest && latest.stepJobsQueued !== run.stepJobsQueued) latest = undefined;
  if (callAgain) return { kind: 'continue', callAgain: true, ...(latest && { run: latest }) };
  if (ended) {
    // The last write that recorded a result said what is pending (an invoke records nothing).
    const left = pendingLeft ?? (await state.hasPending(run.runId));
    return {
      kind: 'continue',
      callAgain: shouldCallAgain(left, endedInRace ? raceMode : undefined),
      ...(latest && { run: latest }),
    };
  }
  return { kind: 'continue', callAgain: false };
}

/**
 * Queues the job for an op unless it is queued already. If it was created just as the same step's
 * result got recorded (a discovery racing a parallel step), the job is dropped again.
 */
async function enqueueOp(
  parts: EngineParts,
  run: RunDocument,
  kind: JobKind,
  op: OutgoingOp,
  fields: Partial<JobDocument> & { dueAt: Date },
): Promise<boolean> {
  const id = JobQueue.opId(run.runId, kind, op.id);
  // Before the job exists, so that a discovery never misses it (see `handleDiscover`).
  if (kind === 'step' && !run.parallel && run.stepJobsQueued === false) {
    await parts.state.markStepJobsQueued(run.runId);
    run.stepJobsQueued = true;
  }
  const created = await parts.queue.enqueueOnce({
    jobId: id,
    kind,
    runId: run.runId,
    hash: op.id,
    stepName: stepName(op),
    ...(parallelModeOf(op.opts) ? { parallelMode: parallelModeOf(op.opts) } : {}),
    ...fields,
  });
  if (created && (await parts.state.hasStep(run.runId, op.id))) {
    await parts.queue.remove(id);
    return false;
  }
  return created;
}

/** `step.invoke`: starts the target function with a parent link; returns whether to call again. */
async function invoke(parts: EngineParts, run: RunDocument, op: OutgoingOp): Promise<boolean> {
  const opts = op.opts ?? {};
  const functionId = typeof opts.function_id === 'string' ? opts.function_id : '';
  const payload = (opts.payload ?? {}) as { data?: Record<string, unknown>; v?: string };
  const fn = functionId ? await parts.registry.findFunction(functionId) : undefined;
  if (!fn) {
    const recorded = await parts.state.memoize(run.runId, op.id, {
      error: {
        name: 'Error',
        message: `could not invoke "${functionId}": no such function is synced`,
      },
    });
    if (recorded)
      parts.logger.warn({ runId: run.runId, functionId }, 'invoke failed: unknown function');
    return true;
  }
  const timeout = typeof opts.timeout === 'string' ? deadline(opts.timeout) : undefined;
  if (timeout && !timeout.ok) {
    await parts.state.memoize(run.runId, op.id, {
      error: { name: 'Error', message: `invalid invoke timeout: ${timeout.reason}` },
    });
    return true;
  }
  const childRunId = deterministicUlid(ulidTime(run.runId), run.runId, op.id, 'invoke');
  const created = await enqueueOp(parts, run, 'invoke', op, {
    dueAt: timeout?.ok ? timeout.at : farFuture,
    childRunId,
  });
  const event: EventPayload = {
    id: newUlid(),
    name: 'inngest/function.invoked',
    data: payload.data ?? {},
    ts: Date.now(),
    ...(payload.v ? { v: payload.v } : {}),
  };
  // Idempotent: an existing child run is left as it is.
  const started = await parts.starter.start({
    fn,
    events: [event],
    eventIds: [event.id],
    runId: childRunId,
    parent: { runId: run.runId, hash: op.id },
    ...(run.traceparent ? { traceparent: run.traceparent } : {}),
  });
  if (started === null) {
    // The invoked function's idempotency key skipped the run: no run will ever hand this step a
    // result, so the step fails now instead of waiting forever (or until its timeout).
    const recorded = await parts.state.memoize(run.runId, op.id, {
      error: {
        name: 'Error',
        message: `could not invoke "${fn.id}": its idempotency key was already used within 24 h, so no run was started`,
      },
    });
    await parts.queue.remove(JobQueue.opId(run.runId, 'invoke', op.id));
    if (recorded)
      parts.logger.warn(
        { runId: run.runId, invoked: fn.id },
        'invoke skipped: idempotency key seen',
      );
    return true;
  }
  if (created) {
    parts.logger.info(
      { runId: run.runId, step: stepName(op), childRunId, invoked: fn.id },
      'run invoking function',
    );
  }
  return false;
}

function deadline(text: string): { ok: true; at: Date } | { ok: false; reason: string } {
  try {
    return { ok: true, at: resolveDeadline(text, Date.now()) };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
