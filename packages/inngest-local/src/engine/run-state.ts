import type { EventPayload } from '../protocol/event-payload';
import type { RunDocument, RunModel, RunStatus } from '../store/run-model';

/** What the SDK receives for one step: its result or its final error. */
export type MemoEntry = { data: unknown } | { error: unknown };

/**
 * Reads and conditional single-document writes on runs. Every transition is guarded by the state
 * it starts from (status `Running`, step not yet recorded), so concurrent writers (an event
 * resolving a wait while its timeout fires, two executors) cannot both win.
 */
export class RunState {
  constructor(private readonly runs: RunModel) {}

  async load(runId: string): Promise<RunDocument | null> {
    return this.runs.findOne({ runId }).lean<RunDocument>();
  }

  /** Records a step's result if none is recorded yet; returns whether this call recorded it. */
  async memoize(runId: string, hash: string, entry: MemoEntry): Promise<boolean> {
    const { modifiedCount } = await this.runs.updateOne(
      { runId, status: 'Running', [`steps.${hash}`]: { $exists: false } },
      { $set: { [`steps.${hash}`]: JSON.stringify(entry) }, $push: { stack: hash } },
    );
    return modifiedCount === 1;
  }

  async hasStep(runId: string, hash: string): Promise<boolean> {
    const found = await this.runs.exists({ runId, [`steps.${hash}`]: { $exists: true } });
    return found !== null;
  }

  async isRunning(runId: string): Promise<boolean> {
    return (await this.runs.exists({ runId, status: 'Running' })) !== null;
  }

  async markParallel(runId: string): Promise<void> {
    await this.runs.updateOne({ runId, parallel: false }, { $set: { parallel: true } });
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
