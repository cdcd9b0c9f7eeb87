import { runDuration, runsEnded } from '../metrics/executor-metrics';
import type { Logger } from 'pino';
import { ulidTime } from '../ids/ulid';
import type { RunDocument } from '../store/run-model';
import type { SerializedError } from './app-caller';
import { JobQueue } from './job-queue';
import { endStep } from './resume-rule';
import { runEvents, type MemoEntry, type RunState } from './run-state';

/** How the finisher publishes `inngest/function.*` events (through the normal ingestion path). */
export type EmitInternalEvent = (
  event: { name: string; data: Record<string, unknown> },
  /** Emitting twice with the same key publishes one event. */
  dedupeKey: string,
  /** Time part of the event's deterministic id. */
  timeMs: number,
) => Promise<void>;

/**
 * Ends runs. Side effects come first and are idempotent (deterministic event ids, conditional
 * memo writes into a waiting parent), the status change last: if the executor dies in between,
 * the retried job ends the run again and nothing is lost or doubled. Each method says whether
 * this call ended the run (then every job of the run, the caller's included, is gone).
 */
export class RunFinisher {
  constructor(
    private readonly state: RunState,
    private readonly queue: JobQueue,
    private readonly emit: EmitInternalEvent,
    private readonly logger: Logger,
  ) {}

  async complete(run: RunDocument, output: unknown): Promise<boolean> {
    // A fresh look: the run may have been cancelled while the call that ends it was in flight.
    if (!(await this.state.isRunning(run.runId))) return false;
    await this.emitInternal(run, 'inngest/function.finished', { result: output ?? null });
    await this.resolveParent(run, { data: output ?? null });
    const done = await this.state.finish(run.runId, 'Completed', {
      outputJson: JSON.stringify(output ?? null),
    });
    if (!done) return false;
    countEnded(run, 'Completed');
    await this.queue.removeRunJobs(run.runId);
    this.logger.info(
      { runId: run.runId, functionId: run.functionId, durationMs: elapsed(run) },
      'run completed',
    );
    return true;
  }

  async fail(run: RunDocument, error: SerializedError): Promise<boolean> {
    if (!(await this.state.isRunning(run.runId))) return false;
    const [event] = runEvents(run);
    await this.emitInternal(run, 'inngest/function.failed', { error, event });
    await this.emitInternal(run, 'inngest/function.finished', { error });
    await this.resolveParent(run, { error });
    const done = await this.state.finish(run.runId, 'Failed', { errorJson: JSON.stringify(error) });
    if (!done) return false;
    countEnded(run, 'Failed');
    await this.queue.removeRunJobs(run.runId);
    this.logger.warn(
      {
        runId: run.runId,
        functionId: run.functionId,
        durationMs: elapsed(run),
        error: { name: error.name, message: error.message },
      },
      'run failed',
    );
    return true;
  }

  async cancel(run: RunDocument, reason: string): Promise<boolean> {
    if (!(await this.state.isRunning(run.runId))) return false;
    const [event] = runEvents(run);
    const error = { name: 'Error', message: `function run cancelled: ${reason}` };
    await this.resolveParent(run, { error });
    const done = await this.state.finish(run.runId, 'Cancelled', {
      errorJson: JSON.stringify(error),
    });
    if (!done) return false;
    countEnded(run, 'Cancelled');
    await this.queue.removeRunJobs(run.runId);
    await this.emitInternal(run, 'inngest/function.cancelled', { event });
    this.logger.info({ runId: run.runId, functionId: run.functionId, reason }, 'run cancelled');
    return true;
  }

  private async emitInternal(run: RunDocument, name: string, data: Record<string, unknown>) {
    // Keyed by run, so ending the same run twice (a retried job) publishes the event once.
    await this.emit(
      { name, data: { function_id: run.functionId, run_id: run.runId, ...data } },
      `${run.runId}:${name}`,
      ulidTime(run.runId),
    );
  }

  /** Hands a `step.invoke` its result: the invoked run's output or error. */
  private async resolveParent(run: RunDocument, entry: MemoEntry): Promise<void> {
    if (!run.parent) return;
    const { runId, hash } = run.parent;
    const jobId = JobQueue.opId(runId, 'invoke', hash);
    const waiting = await this.queue.find(jobId);
    await endStep(
      { state: this.state, queue: this.queue },
      runId,
      hash,
      entry,
      waiting?.parallelMode,
    );
    await this.queue.remove(jobId);
  }
}

function countEnded(run: RunDocument, status: 'Completed' | 'Failed' | 'Cancelled'): void {
  runsEnded.labels(run.functionId, status).inc();
  runDuration.labels(run.functionId, status).observe(elapsed(run) / 1000);
}

function elapsed(run: RunDocument): number {
  return Date.now() - ulidTime(run.runId);
}
