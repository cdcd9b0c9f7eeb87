import { compileExpression, matchScope } from '../expression';
import type { EventPayload } from '../protocol/event-payload';
import type { RunDocument, RunModel } from '../store/run-model';
import type { RunFinisher } from './run-finisher';
import { runEvents } from './run-state';

/** Applies functions' `cancelOn` rules to a new event. */
export class RunCanceller {
  constructor(
    private readonly runs: RunModel,
    private readonly finisher: RunFinisher,
  ) {}

  async cancelMatching(event: EventPayload): Promise<void> {
    const now = Date.now();
    // Every running run listening for this name is checked: leave their step results unread.
    const candidates = await this.runs
      .find({ status: 'Running', 'cancelOn.event': event.name }, { steps: 0 })
      .lean<RunDocument[]>();
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
