import type { Logger } from 'pino';
import type { JobDocument, JobKind } from '../store/job-model';
import type { RunDocument } from '../store/run-model';
import { DueTimes } from './due-times';
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
 *
 * What it asks the database is kept to what it cannot know: the due times of jobs this executor
 * queued are kept in memory (`DueTimes`), so only a look triggered by the timer asks for the next
 * due job (one queued elsewhere); and a finished job leads to another look only when the last one
 * did not find the queue empty (or something was queued since).
 */
export class Scheduler {
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly shutdown = new AbortController();
  private readonly dueTimes = new DueTimes();
  /** The last look found no due job, and nothing was queued since. */
  private drained = false;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
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
    // The first look also asks the database when the next job falls due (queued before a restart).
    this.arm(0, true);
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

  /**
   * Something was queued (or handed back), due at `dueAt` (now when not given): look for work
   * now (coalesced), or make sure the timer fires by then.
   */
  wake(dueAt?: Date): void {
    if (this.stopping) return;
    const at = dueAt?.getTime() ?? 0;
    const now = Date.now();
    if (at > now) {
      this.dueTimes.add(at);
      // A look in progress arms the timer from these times when it ends.
      if (!this.ticking && at < this.timerAt) this.arm(at - now, false);
      return;
    }
    this.drained = false;
    if (this.ticking) {
      this.tickAgain = true;
      return;
    }
    this.arm(0, false);
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

  /** `byTimer`: the timer fired (rather than a wake): also ask the database for the next due job. */
  private async tick(byTimer: boolean): Promise<void> {
    if (this.stopping) return;
    if (this.ticking) {
      this.tickAgain = true;
      return;
    }
    this.ticking = true;
    this.timerAt = Number.POSITIVE_INFINITY;
    try {
      let lookedAt = Date.now();
      do {
        this.tickAgain = false;
        while (!this.stopping && this.inFlight.size < this.options.concurrency) {
          lookedAt = Date.now();
          const job = await this.queue.claimNext(new Date(lookedAt));
          this.drained = !job;
          if (!job) break;
          this.run(job);
        }
      } while (this.tickAgain && !this.stopping);
      // Every job due by the last look was claimed or is held by a worker.
      this.dueTimes.dropUntil(lookedAt);
      await this.armTimer(byTimer);
    } catch (error) {
      this.logger.error({ err: error }, 'scheduler could not read the queue');
      this.arm(this.options.pollIntervalMs, true);
    } finally {
      this.ticking = false;
      // Work queued while the timer was being armed must not wait for that timer.
      if (this.tickAgain) this.wake();
    }
  }

  private async armTimer(askDatabase: boolean): Promise<void> {
    if (this.stopping) return;
    const fromDatabase = askDatabase ? await this.queue.nextDueAt() : null;
    // Read after the query: times added while it ran are included.
    const soonest = Math.min(
      fromDatabase?.getTime() ?? Number.POSITIVE_INFINITY,
      this.dueTimes.peek() ?? Number.POSITIVE_INFINITY,
    );
    const delay = Math.min(soonest - Date.now(), this.options.pollIntervalMs);
    // Only the poll interval (no known due job) asks the database again when it fires.
    this.arm(Math.max(0, delay), soonest - Date.now() >= this.options.pollIntervalMs);
  }

  private arm(delayMs: number, byTimer: boolean): void {
    if (this.stopping) return;
    clearTimeout(this.timer);
    this.timerAt = Date.now() + delayMs;
    this.timer = setTimeout(() => {
      this.timerAt = Number.POSITIVE_INFINITY;
      void this.tick(byTimer);
    }, delayMs);
  }

  /** Whether a job handed over now (`adopt`) would run at once. */
  hasRoom(): boolean {
    return !this.stopping && this.inFlight.size < this.options.concurrency;
  }

  /**
   * Runs a job this process created already leased to itself (a new run's first call), without
   * looking for it in the queue. `false` when there is no room after all: the caller releases it.
   */
  adopt(job: JobDocument, known?: RunDocument): boolean {
    if (!this.hasRoom()) return false;
    this.run(job, known);
    return true;
  }

  private run(job: JobDocument, known?: RunDocument): void {
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
    const work = this.handlers[job.kind](job, signal, known)
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
        // A worker is free: look again unless the last look found nothing and nothing came since.
        if (!this.drained) this.wake();
      });
    this.inFlight.set(job.jobId, work);
  }
}
