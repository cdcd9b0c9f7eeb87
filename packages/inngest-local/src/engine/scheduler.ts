import type { Logger } from 'pino';
import type { JobDocument, JobKind } from '../store/job-model';
import type { JobHandler } from './job-handlers';
import type { JobQueue } from './job-queue';

export interface SchedulerOptions {
  concurrency: number;
  pollIntervalMs: number;
  leaseMs: number;
  /** Periodic chores (resuming interrupted fan-outs, unsticking runs), run every `housekeepingMs`. */
  housekeeping: () => Promise<void>;
  housekeepingMs: number;
}

/**
 * Runs due jobs. It looks for work when told something was queued (`wake`), when the next known
 * job falls due, and at least every `pollIntervalMs` (for work queued by another executor or
 * leases that expired), never busy-polling. Held jobs get their lease renewed while they run.
 */
export class Scheduler {
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly shutdown = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private housekeepingTimer: NodeJS.Timeout | undefined;
  private housekeepingRun: Promise<void> = Promise.resolve();
  private ticking = false;
  private tickAgain = false;
  private stopping = false;

  constructor(
    private readonly queue: JobQueue,
    private readonly handlers: Record<JobKind, JobHandler>,
    private readonly options: SchedulerOptions,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.wake();
    const chores = () => {
      if (this.stopping) return;
      this.housekeepingRun = this.options
        .housekeeping()
        .catch((error: unknown) => this.logger.error({ err: error }, 'housekeeping failed'))
        .finally(() => {
          if (!this.stopping)
            this.housekeepingTimer = setTimeout(chores, this.options.housekeepingMs);
        });
    };
    chores();
  }

  /** Look for due work now (coalesced). */
  wake(): void {
    if (this.stopping) return;
    if (this.ticking) {
      this.tickAgain = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), 0);
  }

  /**
   * Stops taking work, lets in-flight calls finish for up to `graceMs`, then aborts the rest; an
   * aborted job is released untouched, so the next executor picks it up where it was.
   */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    clearTimeout(this.housekeepingTimer);
    await this.housekeepingRun;
    const pending = [...this.inFlight.values()];
    if (pending.length === 0) return;
    let timedOut = false;
    const grace = new Promise<void>((resolve) =>
      setTimeout(() => {
        timedOut = true;
        resolve();
      }, graceMs).unref(),
    );
    await Promise.race([Promise.allSettled(pending), grace]);
    if (timedOut) {
      this.logger.warn({ jobs: this.inFlight.size }, 'handing back in-flight jobs');
      this.shutdown.abort();
      await Promise.allSettled([...this.inFlight.values()]);
    }
  }

  private async tick(): Promise<void> {
    if (this.stopping) return;
    if (this.ticking) {
      this.tickAgain = true;
      return;
    }
    this.ticking = true;
    try {
      do {
        this.tickAgain = false;
        while (!this.stopping && this.inFlight.size < this.options.concurrency) {
          const job = await this.queue.claimNext();
          if (!job) break;
          this.run(job);
        }
      } while (this.tickAgain && !this.stopping);
      await this.armTimer();
    } catch (error) {
      this.logger.error({ err: error }, 'scheduler could not read the queue');
      this.arm(this.options.pollIntervalMs);
    } finally {
      this.ticking = false;
      // Work queued while the timer was being armed must not wait for that timer.
      if (this.tickAgain) this.wake();
    }
  }

  private async armTimer(): Promise<void> {
    if (this.stopping) return;
    const next = await this.queue.nextDueAt();
    const untilNext = next ? next.getTime() - Date.now() : this.options.pollIntervalMs;
    this.arm(Math.max(0, Math.min(untilNext, this.options.pollIntervalMs)));
  }

  private arm(delayMs: number): void {
    if (this.stopping) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private run(job: JobDocument): void {
    // A lost lease (this process stalled past it and another worker took the job) abandons the
    // call: it ends as `aborted`, which records nothing, so the step's result comes from the new
    // holder only.
    const lost = new AbortController();
    const heartbeat = setInterval(
      () => {
        this.queue.renewLease(job.jobId).then(
          (held) => {
            if (held || lost.signal.aborted) return;
            this.logger.warn({ jobId: job.jobId, runId: job.runId }, 'lease lost; abandoning job');
            lost.abort();
          },
          () => undefined,
        );
      },
      Math.max(100, this.options.leaseMs / 3),
    );
    const signal = AbortSignal.any([this.shutdown.signal, lost.signal]);
    const work = this.handlers[job.kind](job, signal)
      .catch(async (error: unknown) => {
        this.logger.error(
          { err: error, jobId: job.jobId, runId: job.runId },
          'job failed unexpectedly',
        );
        // Try again shortly rather than spin on a job that breaks the executor itself.
        await this.queue
          .retryLater(job, { attempt: job.attempt, dueAt: new Date(Date.now() + 1_000) })
          .catch(() => undefined);
      })
      .finally(() => {
        clearInterval(heartbeat);
        this.inFlight.delete(job.jobId);
        this.wake();
      });
    this.inFlight.set(job.jobId, work);
  }
}
