import type { Logger } from 'pino';
import type { mongo } from 'mongoose';
import { compileExpression, matchScope } from '../expression';
import type { EventPayload } from '../protocol/event-payload';
import { driverCollection, findAll } from '../store/driver-collection';
import type { JobDocument, JobModel } from '../store/job-model';
import type { JobQueue } from './job-queue';
import { endStep } from './resume-rule';
import type { RunState } from './run-state';

/**
 * Hands new events to `step.waitForEvent` calls that are waiting for them. Whoever records the
 * step first (this event, another event, or the timeout) wins; the others see it recorded.
 */
export class WaitResolver {
  private readonly jobs: mongo.Collection<JobDocument>;

  constructor(
    jobs: JobModel,
    private readonly state: RunState,
    private readonly queue: JobQueue,
    private readonly logger: Logger,
  ) {
    this.jobs = driverCollection(jobs);
  }

  /** The waits this event ends, oldest first. */
  async waitsFor(event: EventPayload): Promise<JobDocument[]> {
    const waits = await findAll(
      this.jobs,
      { kind: 'wait', eventName: event.name, dueAt: { $gt: new Date() } },
      { sort: { createdAt: 1 } },
    );
    return waits.filter((wait) => wait.runId && wait.hash && this.matches(wait, event));
  }

  async resolve(event: EventPayload, waits?: JobDocument[]): Promise<void> {
    for (const wait of waits ?? (await this.waitsFor(event))) {
      if (!wait.runId || !wait.hash) continue;
      // Records the event and asks for the next call (when no other parallel step is pending, or
      // in race mode) before dropping the wait, so a crash in between leaves the wait (whose
      // timeout then finds the step recorded) rather than a run with nothing to do.
      const recorded = await endStep(
        { state: this.state, queue: this.queue },
        wait.runId,
        wait.hash,
        { data: event },
        wait.parallelMode,
      );
      if (recorded) {
        this.logger.info(
          { runId: wait.runId, step: wait.stepName, eventId: event.id },
          'wait matched event',
        );
      }
      await this.queue.remove(wait.jobId);
    }
  }

  private matches(wait: JobDocument, event: EventPayload): boolean {
    if (!wait.expression) return true;
    const original = wait.matchEventJson ? (JSON.parse(wait.matchEventJson) as unknown) : null;
    // The expression was compiled when the wait was created, so it cannot fail here.
    return compileExpression(wait.expression, matchScope).matches({
      event: original,
      async: event,
    });
  }
}
