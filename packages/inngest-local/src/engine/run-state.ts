import type { mongo } from 'mongoose';
import type { EventPayload } from '../protocol/event-payload';
import { driverCollection } from '../store/driver-collection';
import type { RunDocument, RunModel, RunStatus } from '../store/run-model';

/** What the SDK receives for one step: its result or its final error. */
export type MemoEntry = { data: unknown } | { error: unknown };

/** What recording a step's result did, and the run as that write left it when it recorded. */
export interface Settled {
  recorded: boolean;
  pendingLeft: boolean;
  /** The whole run right after the write (only when this call recorded the result). */
  run?: RunDocument;
}

/**
 * Reads and conditional single-document writes on runs. Every transition is guarded by the state
 * it starts from (status `Running`, step not yet recorded), so concurrent writers (an event
 * resolving a wait while its timeout fires, two executors) cannot both win. Through the driver
 * (`driverCollection`): runs are plain documents written whole by `RunStarter` and field by field
 * here, so mongoose would only cast and clone them.
 */
export class RunState {
  private readonly runs: mongo.Collection<RunDocument>;

  constructor(runs: RunModel) {
    this.runs = driverCollection(runs);
  }

  async load(runId: string): Promise<RunDocument | null> {
    return this.runs.findOne({ runId });
  }

  /**
   * Records a step's result if none is recorded yet, and takes it out of the pending parallel
   * steps (one update, like the engine's `saveResponse.lua`). Says whether this call recorded it
   * and whether parallel steps are still pending either way (a repeated save still decides
   * whether to call the function again, so a crash between the two writes loses nothing). With
   * `withRun` the write answers with the whole run, so a caller about to call the function again
   * needs no second read of it (others leave the step results unread).
   */
  async settle(
    runId: string,
    hash: string,
    entry: MemoEntry,
    { withRun = false }: { withRun?: boolean } = {},
  ): Promise<Settled> {
    const json = JSON.stringify(entry);
    const after = await this.runs.findOneAndUpdate(
      { runId, status: 'Running', [`steps.${hash}`]: { $exists: false } },
      {
        $set: { [`steps.${hash}`]: json },
        $push: { stack: hash },
        $pull: { pending: hash },
        $inc: { stateBytes: Buffer.byteLength(json) },
      } as mongo.UpdateFilter<RunDocument>,
      { returnDocument: 'after', ...(!withRun && { projection: { pending: 1 } }) },
    );
    if (after) {
      const pendingLeft = (after.pending ?? []).length > 0;
      return withRun
        ? { recorded: true, pendingLeft, run: after }
        : { recorded: true, pendingLeft };
    }
    const current = await this.runs.findOne({ runId }, { projection: { pending: 1 } });
    return { recorded: false, pendingLeft: (current?.pending ?? []).length > 0 };
  }

  /** Records a step's result if none is recorded yet; returns whether this call recorded it. */
  async memoize(runId: string, hash: string, entry: MemoEntry): Promise<boolean> {
    return (await this.settle(runId, hash, entry)).recorded;
  }

  /**
   * The SDK reported several steps at once: they are pending together, replacing any earlier
   * set (the engine's `savePending.lua`: DEL then SADD). Steps already recorded are left out.
   */
  async savePending(runId: string, hashes: string[]): Promise<void> {
    await this.runs.updateOne({ runId, status: 'Running' }, { $set: { pending: hashes } });
    // A step of an earlier plan may have been recorded in the meantime: it is not pending.
    const run = await this.runs.findOne({ runId }, { projection: { steps: 1 } });
    const done = hashes.filter((hash) => run?.steps?.[hash] !== undefined);
    if (done.length > 0) {
      await this.runs.updateOne({ runId }, { $pull: { pending: { $in: done } } });
    }
  }

  /** Whether parallel steps of this run are still pending. */
  async hasPending(runId: string): Promise<boolean> {
    const run = await this.runs.findOne({ runId }, { projection: { pending: 1 } });
    return (run?.pending ?? []).length > 0;
  }

  async hasStep(runId: string, hash: string): Promise<boolean> {
    const found = await this.runs.findOne(
      { runId, [`steps.${hash}`]: { $exists: true } },
      { projection: { _id: 1 } },
    );
    return found !== null;
  }

  async isRunning(runId: string): Promise<boolean> {
    const found = await this.runs.findOne({ runId, status: 'Running' }, { projection: { _id: 1 } });
    return found !== null;
  }

  async markParallel(runId: string): Promise<void> {
    await this.runs.updateOne({ runId, parallel: false }, { $set: { parallel: true } });
  }

  /**
   * A step of this (not parallel) run is about to be queued as a job of its own: from now on
   * each discovery counts the run's step jobs before calling (see `handleDiscover`). Written
   * before the job, so no discovery can miss a job that exists.
   */
  async markStepJobsQueued(runId: string): Promise<void> {
    await this.runs.updateOne(
      { runId, stepJobsQueued: { $ne: true } },
      { $set: { stepJobsQueued: true } },
    );
  }

  /** Moves a running run to a final status; returns whether this call did it. */
  async finish(
    runId: string,
    status: Exclude<RunStatus, 'Running'>,
    result: { outputJson?: string; errorJson?: string },
  ): Promise<boolean> {
    const { modifiedCount } = await this.runs.updateOne(
      { runId, status: 'Running' },
      { $set: { status, endedAt: new Date(), ...result } },
    );
    return modifiedCount === 1;
  }
}

export function runEvents(run: Pick<RunDocument, 'eventsJson'>): EventPayload[] {
  return JSON.parse(run.eventsJson) as EventPayload[];
}

export function runMemo(run: Pick<RunDocument, 'steps'>): Record<string, MemoEntry> {
  return Object.fromEntries(
    Object.entries(run.steps ?? {}).map(([hash, json]) => [hash, JSON.parse(json) as MemoEntry]),
  );
}
