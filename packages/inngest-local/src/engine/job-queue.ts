import { isDuplicateKeyError } from '@shop/db/claims';
import type { mongo } from 'mongoose';
import { driverCollection } from '../store/driver-collection';
import { insertIfAbsent } from '../store/insert-if-absent';
import type { JobDocument, JobKind, JobModel } from '../store/job-model';

/** Jobs that never become due on their own (an invoke without timeout) use this date. */
export const farFuture = new Date('9999-12-31T00:00:00.000Z');

export type NewJob = Pick<JobDocument, 'jobId' | 'kind' | 'dueAt'> &
  Partial<Omit<JobDocument, 'jobId' | 'kind' | 'dueAt' | 'seq' | 'leaseOwner' | 'leaseUntil'>>;

/**
 * The durable work queue in the `jobs` collection. Every write touches one document and is
 * conditional (on the lease owner or on `seq`), so the queue stays correct on a MongoDB without
 * transactions, and two executors sharing a database never both run the same job. Reads and
 * writes go through the driver (`driverCollection`): every document here is written whole by
 * this class, so there is nothing for mongoose to cast or default.
 */
export class JobQueue {
  private readonly jobs: mongo.Collection<JobDocument>;

  constructor(
    jobs: JobModel,
    private readonly owner: string,
    private readonly leaseMs: number,
    /** Told when a job may have become claimable, and from when (the scheduler's timer). */
    private readonly onEnqueued: (dueAt: Date) => void,
  ) {
    this.jobs = driverCollection(jobs);
  }

  static discoverId(runId: string): string {
    return `${runId}:discover`;
  }

  static opId(runId: string, kind: JobKind, hash: string): string {
    return `${runId}:${kind}:${hash}`;
  }

  /**
   * Asks for the run to be called again from the top (`stepId=step`). Requests coalesce into one
   * job per run; `seq` records that a request arrived even while that job is being worked on.
   */
  async requestDiscover(runId: string, options: { attempt?: number; dueAt?: Date } = {}) {
    const jobId = JobQueue.discoverId(runId);
    const dueAt = options.dueAt ?? new Date();
    const update = {
      $set: {
        dueAt,
        attempt: options.attempt ?? 0,
        unreachableSince: null,
      },
      $inc: { seq: 1 },
      $setOnInsert: {
        kind: 'discover',
        runId,
        leaseOwner: null,
        leaseUntil: null,
        createdAt: new Date(),
      },
    } as const;
    try {
      await this.jobs.updateOne({ jobId }, update, { upsert: true });
    } catch (error) {
      // Lost a creation race on a real MongoDB: the job exists now, so this is an update.
      if (!isDuplicateKeyError(error)) throw error;
      await this.jobs.updateOne({ jobId }, update);
    }
    this.onEnqueued(dueAt);
  }

  /**
   * A new run's first discovery, created already leased to this worker (no claim needed), to be
   * run at once (`Scheduler.adopt`). `null` when the run already has a discovery job. A crash
   * before the call leaves the job to whoever finds its lease run out, as for a claimed job.
   */
  async createHeldDiscover(runId: string): Promise<JobDocument | null> {
    const now = new Date();
    const job: JobDocument = {
      jobId: JobQueue.discoverId(runId),
      kind: 'discover',
      runId,
      dueAt: now,
      attempt: 0,
      seq: 1,
      leaseOwner: this.owner,
      leaseUntil: new Date(now.getTime() + this.leaseMs),
      unreachableSince: null,
      createdAt: now,
    };
    const { jobId, ...fields } = job;
    return (await insertIfAbsent(this.jobs, { jobId }, fields)) ? job : null;
  }

  /** Creates the job unless one with this id exists; returns whether it was created. */
  async enqueueOnce(job: NewJob): Promise<boolean> {
    const { jobId, ...fields } = job;
    const created = await insertIfAbsent(
      this.jobs,
      { jobId },
      {
        attempt: 0,
        unreachableSince: null,
        createdAt: new Date(),
        ...fields,
        seq: 0,
        leaseOwner: null,
        leaseUntil: null,
      },
    );
    if (created) this.onEnqueued(job.dueAt);
    return created;
  }

  /** Takes the most overdue job nobody holds (or whose holder stopped renewing its lease). */
  async claimNext(now = new Date()): Promise<JobDocument | null> {
    return this.jobs.findOneAndUpdate(
      { dueAt: { $lte: now }, $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] },
      { $set: { leaseOwner: this.owner, leaseUntil: new Date(now.getTime() + this.leaseMs) } },
      { sort: { dueAt: 1 }, returnDocument: 'after' },
    );
  }

  /** When the next job nobody holds becomes due, for the scheduler's timer. */
  async nextDueAt(now = new Date()): Promise<Date | null> {
    const next = await this.jobs.findOne(
      { $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] },
      { projection: { dueAt: 1 }, sort: { dueAt: 1 } },
    );
    return next?.dueAt ?? null;
  }

  /** Extends our lease; `false` when the job is no longer ours (lost lease, or gone). */
  async renewLease(jobId: string): Promise<boolean> {
    const { matchedCount } = await this.jobs.updateOne(
      { jobId, leaseOwner: this.owner },
      { $set: { leaseUntil: new Date(Date.now() + this.leaseMs) } },
    );
    return matchedCount === 1;
  }

  /** Gives a job back untouched, e.g. when shutting down mid-call. */
  async release(jobId: string): Promise<void> {
    await this.jobs.updateOne(
      { jobId, leaseOwner: this.owner },
      { $set: { leaseOwner: null, leaseUntil: null } },
    );
    this.onEnqueued(new Date());
  }

  /**
   * Done with a job. Only its lease holder may end it: a worker whose lease ran out (and was
   * taken over) deletes nothing. A discover job that was requested again while we held it (its
   * `seq` moved) stays, due, for the next call.
   */
  async complete(job: JobDocument): Promise<void> {
    const filter =
      job.kind === 'discover'
        ? { jobId: job.jobId, seq: job.seq, leaseOwner: this.owner }
        : { jobId: job.jobId, leaseOwner: this.owner };
    const { deletedCount } = await this.jobs.deleteOne(filter);
    if (deletedCount === 0) await this.release(job.jobId);
  }

  /** Schedules the job again later, unless it was re-requested meanwhile (then that wins). */
  async retryLater(
    job: JobDocument,
    next: { attempt: number; dueAt: Date; unreachableSince?: Date | null },
  ): Promise<void> {
    const { matchedCount } = await this.jobs.updateOne(
      { jobId: job.jobId, seq: job.seq, leaseOwner: this.owner },
      {
        $set: {
          attempt: next.attempt,
          dueAt: next.dueAt,
          unreachableSince: next.unreachableSince ?? null,
          leaseOwner: null,
          leaseUntil: null,
        },
      },
    );
    if (matchedCount === 0) await this.release(job.jobId);
    this.onEnqueued(next.dueAt);
  }

  async reschedule(jobId: string, dueAt: Date): Promise<void> {
    await this.jobs.updateOne(
      { jobId, leaseOwner: this.owner },
      { $set: { dueAt, leaseOwner: null, leaseUntil: null } },
    );
    this.onEnqueued(dueAt);
  }

  async find(jobId: string): Promise<JobDocument | null> {
    return this.jobs.findOne({ jobId });
  }

  async remove(jobId: string): Promise<void> {
    await this.jobs.deleteOne({ jobId });
  }

  async removeRunJobs(runId: string): Promise<void> {
    await this.jobs.deleteMany({ runId });
  }

  async countStepJobs(runId: string): Promise<number> {
    return this.jobs.countDocuments({ runId, kind: 'step' });
  }
}
