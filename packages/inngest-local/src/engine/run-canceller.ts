import type { mongo } from 'mongoose';
import { compileExpression, matchScope } from '../expression';
import type { EventPayload } from '../protocol/event-payload';
import { driverCollection, findAll } from '../store/driver-collection';
import type { RunDocument, RunModel } from '../store/run-model';
import type { AppRegistry } from './app-registry';
import type { RunFinisher } from './run-finisher';
import { runEvents } from './run-state';

/** Applies functions' `cancelOn` rules to a new event. */
export class RunCanceller {
  private readonly runs: mongo.Collection<RunDocument>;
  /** Event names in the `cancelOn` rules of runs that were running when this process started. */
  private earlierRunsListen: Promise<Set<string>> | undefined;

  constructor(
    runs: RunModel,
    private readonly finisher: RunFinisher,
    private readonly registry: Pick<AppRegistry, 'allFunctions' | 'mayCancelOn'>,
  ) {
    this.runs = driverCollection(runs);
  }

  /**
   * Whether any running run may listen for this event name. A run's rules are its function's
   * when it started, so only names in some function's rules (or in the rules of runs started
   * before this process) need the runs to be searched; most events (`inngest/function.finished`,
   * business events nobody cancels on) skip that query.
   */
  async mayApply(eventName: string): Promise<boolean> {
    await this.registry.allFunctions();
    if (this.registry.mayCancelOn(eventName)) return true;
    this.earlierRunsListen ??= this.runs
      .distinct('cancelOn.event', { status: 'Running' })
      .then((names) => new Set(names.filter((name): name is string => typeof name === 'string')))
      .catch((error: unknown) => {
        this.earlierRunsListen = undefined; // asked again with the next event
        throw error;
      });
    return (await this.earlierRunsListen).has(eventName);
  }

  async cancelMatching(event: EventPayload): Promise<void> {
    if (!(await this.mayApply(event.name))) return;
    const now = Date.now();
    // Every running run listening for this name is checked: leave their step results unread.
    const candidates = await findAll(
      this.runs,
      { status: 'Running', 'cancelOn.event': event.name },
      { projection: { steps: 0 } },
    );
    for (const run of candidates) {
      const [original] = runEvents(run);
      const rule = run.cancelOn.find(
        (listener) =>
          listener.event === event.name &&
          (!listener.expiresAt || new Date(listener.expiresAt).getTime() > now) &&
          (!listener.expression ||
            compileExpression(listener.expression, matchScope).matches({
              event: original ?? null,
              async: event,
            })),
      );
      if (rule) await this.finisher.cancel(run, `cancelOn event "${event.name}" (${event.id})`);
    }
  }
}
