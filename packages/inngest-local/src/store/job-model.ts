import { Schema, type Connection, type Model } from 'mongoose';

export const jobKinds = ['discover', 'step', 'sleep', 'wait', 'invoke', 'cron', 'batch'] as const;
export type JobKind = (typeof jobKinds)[number];

/**
 * One unit of due work: the executor's durable queue. Keys are deterministic (`<run>:<kind>:<step>`)
 * so re-planning an op that is already queued is a no-op upsert. A worker owns a job while its
 * lease is in the future; a crashed worker's lease simply expires and another worker takes over.
 */
export interface JobDocument {
  jobId: string;
  kind: JobKind;
  runId?: string;
  /** Hashed step id for step, sleep, wait and invoke jobs. */
  hash?: string;
  /** Human step id and display name, for logs and errors. */
  stepName?: string;
  /** The op's `opts.parallelMode` (`race` inside `group.parallel`): decides when the run resumes. */
  parallelMode?: string;
  dueAt: Date;
  attempt: number;
  /** Bumped by every request for this job; lets a worker finish without losing a re-request. */
  seq: number;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  /** First time the app could not be reached for this job, to bound how long we keep trying. */
  unreachableSince?: Date | null;
  /** `wait`: the event name and `if` expression, and the run's event as `event` in it. */
  eventName?: string;
  expression?: string;
  matchEventJson?: string;
  /** `invoke`: the run started for the invoked function. */
  childRunId?: string;
  /** `cron`: which function and schedule. */
  appId?: string;
  functionId?: string;
  cron?: string;
  /** `batch`: the batch whose timeout this is. */
  batchId?: string;
  createdAt: Date;
}

const jobSchema = new Schema<JobDocument>(
  {
    jobId: { type: String, required: true, unique: true },
    kind: { type: String, enum: jobKinds, required: true },
    runId: String,
    hash: String,
    stepName: String,
    parallelMode: String,
    dueAt: { type: Date, required: true },
    attempt: { type: Number, default: 0 },
    seq: { type: Number, default: 0 },
    leaseOwner: { type: String, default: null },
    leaseUntil: { type: Date, default: null },
    unreachableSince: { type: Date, default: null },
    eventName: String,
    expression: String,
    matchEventJson: String,
    childRunId: String,
    appId: String,
    functionId: String,
    cron: String,
    batchId: String,
    createdAt: { type: Date, required: true },
  },
  { collection: 'jobs', versionKey: false },
);
jobSchema.index({ dueAt: 1 });
jobSchema.index({ runId: 1, kind: 1 });
// Waits matched against each new event: by name, still before their timeout.
jobSchema.index({ kind: 1, eventName: 1, dueAt: 1 });

export type JobModel = Model<JobDocument>;

export function jobModel(connection: Connection): JobModel {
  return connection.model<JobDocument>('Job', jobSchema);
}
