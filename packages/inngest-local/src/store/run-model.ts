import { Schema, type Connection, type Model } from 'mongoose';

export const runStatuses = ['Running', 'Completed', 'Failed', 'Cancelled'] as const;
export type RunStatus = (typeof runStatuses)[number];

export interface CancelListener {
  event: string;
  expression?: string;
  expiresAt?: Date;
}

export interface RunDocument {
  runId: string;
  appId: string;
  functionId: string;
  functionName: string;
  stepUrl: string;
  maxAttempts: number;
  eventIds: string[];
  /** The `events` array the SDK receives, as JSON text. */
  eventsJson: string;
  status: RunStatus;
  /**
   * Memoised step results keyed by hashed step id, each the JSON text of `{ data }` or `{ error }`.
   * A map (not an array) so each step is recorded with one `$set` on its own key, conditional on
   * the key being absent: the first result wins and needs no positional update.
   */
  steps: Record<string, string>;
  /** Hashed step ids in the order their results were recorded (the SDK's `ctx.stack`). */
  stack: string[];
  /** Set once the SDK reported several steps at once; later calls then plan before running. */
  parallel: boolean;
  /**
   * Hashed ids of parallel steps still to end (the real engine's `pending` set): without race
   * mode the function is called again only once this is empty. Absent on runs stored before.
   */
  pending?: string[];
  /**
   * Set before a step of this run is first queued as a job of its own while the run is not
   * parallel; until then a discovery knows no step job exists and does not count them. Absent on
   * runs stored before: those are counted.
   */
  stepJobsQueued?: boolean;
  /** Bytes of event and step state, checked against the 32 MiB state limit. */
  stateBytes?: number;
  outputJson?: string;
  errorJson?: string;
  cancelOn: CancelListener[];
  /** When this run was started by `step.invoke`, the run and step waiting for its result. */
  parent?: { runId: string; hash: string };
  /** W3C trace context of the event that started the run: each call to the app continues it. */
  traceparent?: string;
  startedAt: Date;
  endedAt?: Date;
}

const runSchema = new Schema<RunDocument>(
  {
    runId: { type: String, required: true, unique: true },
    appId: { type: String, required: true },
    functionId: { type: String, required: true },
    functionName: { type: String, required: true },
    stepUrl: { type: String, required: true },
    maxAttempts: { type: Number, required: true },
    eventIds: { type: [String], default: [] },
    eventsJson: { type: String, required: true },
    status: { type: String, enum: runStatuses, required: true },
    steps: { type: Schema.Types.Mixed, default: {} },
    stack: { type: [String], default: [] },
    parallel: { type: Boolean, default: false },
    pending: { type: [String], default: [] },
    stepJobsQueued: Boolean,
    stateBytes: { type: Number, default: 0 },
    outputJson: String,
    errorJson: String,
    cancelOn: {
      type: [{ _id: false, event: String, expression: String, expiresAt: Date }],
      default: [],
    },
    parent: { type: { _id: false, runId: String, hash: String }, required: false },
    traceparent: String,
    startedAt: { type: Date, required: true },
    endedAt: Date,
  },
  { collection: 'runs', versionKey: false, minimize: false },
);
runSchema.index({ eventIds: 1 });
runSchema.index({ status: 1, 'cancelOn.event': 1 });
runSchema.index({ startedAt: -1 });
// Housekeeping looks for running runs by age.
runSchema.index({ status: 1, startedAt: 1 });
// Retention deletes ended runs by age; the read API lists runs by function.
runSchema.index({ endedAt: 1 });
runSchema.index({ functionId: 1, startedAt: -1 });

export type RunModel = Model<RunDocument>;

export function runModel(connection: Connection): RunModel {
  return connection.model<RunDocument>('Run', runSchema);
}
