import type { mongo } from 'mongoose';
import type { Logger } from 'pino';
import { eventIdsFromSeed } from '../ids/event-id-seed';
import { deterministicUlid, newUlid, ulidTime } from '../ids/ulid';
import type { EventPayload, IncomingEvent } from '../protocol/event-payload';
import type { FunctionDefinition } from '../store/app-model';
import { driverCollection, findAll } from '../store/driver-collection';
import type { EventDocument, EventModel } from '../store/event-model';
import { insertIfAbsent } from '../store/insert-if-absent';
import type { JobDocument } from '../store/job-model';
import type { AppRegistry } from './app-registry';
import type { EventBatcher } from './event-batcher';
import type { RunCanceller } from './run-canceller';
import type { RunStarter } from './run-starter';
import { functionsTriggeredBy } from './trigger-matcher';
import type { WaitResolver } from './wait-resolver';

/** What an event sets off: the functions it starts, the waits it ends, whether runs may cancel. */
interface FanoutPlan {
  functions: FunctionDefinition[];
  waits: JobDocument[];
  mayCancel: boolean;
}

/**
 * Takes events in: stores each, then fans it out (starts triggered functions, resolves waits,
 * applies cancellations) and marks it done. Every step is idempotent, so an interrupted fan-out
 * can simply be run again, by a retried send or by `resumeUnfinished` after a restart.
 *
 * What an event sets off is worked out before it is stored. When that is nothing (no function
 * starts, no wait ends, no run cancels on its name: `inngest/function.finished` and most business
 * events here), it is stored already fanned out, one write. A wait created while such an event
 * arrives is ended by the next matching event, as it would be had it been created just after.
 *
 * An event whose `id` was seen before is stored and fanned out like any other, as on the real
 * engine: it resolves waits and cancellations; only starting a function again is deduplicated,
 * per function, by the run keys (see `RunStarter`).
 */
export class EventIngestor {
  private readonly events: mongo.Collection<EventDocument>;

  constructor(
    events: EventModel,
    private readonly registry: AppRegistry,
    private readonly starter: RunStarter,
    private readonly waits: WaitResolver,
    private readonly canceller: RunCanceller,
    private readonly batcher: EventBatcher,
    private readonly logger: Logger,
  ) {
    this.events = driverCollection(events);
  }

  /** Returns the id of each event, in order (an earlier event's id for an idempotent repeat). */
  async ingest(
    incoming: IncomingEvent[],
    options: { seedHeader?: string | null; traceparent?: string } = {},
  ) {
    const seeded = eventIdsFromSeed(options.seedHeader, incoming.length);
    const ids: string[] = [];
    for (const [index, event] of incoming.entries()) {
      ids.push(await this.accept(event, seeded?.[index] ?? newUlid(), false, options.traceparent));
    }
    return ids;
  }

  /** Publishes an event of the executor's own (`inngest/function.failed`, ...), at most once per key. */
  async ingestInternal(
    event: { name: string; data: Record<string, unknown> },
    dedupeKey: string,
    timeMs: number,
  ) {
    // A deterministic id: emitting again lands on the same event document.
    const id = deterministicUlid(timeMs, 'internal', dedupeKey);
    await this.accept({ ...event, id: `inngest-local:${dedupeKey}` }, id, true);
  }

  /**
   * Stores a cron tick's event for the read API. It starts only its own function (no fan-out),
   * as a schedule belongs to one function.
   */
  async recordScheduledEvent(event: EventPayload): Promise<void> {
    const document: Omit<EventDocument, 'eventId'> = {
      name: event.name,
      payloadJson: JSON.stringify(event),
      internal: true,
      receivedAt: new Date(),
      fanoutDone: true,
    };
    await insertIfAbsent(this.events, { eventId: event.id }, document);
  }

  /** Finishes fan-outs that an earlier process started but did not complete. */
  async resumeUnfinished(olderThanMs: number): Promise<number> {
    const stale = await findAll(
      this.events,
      { fanoutDone: false, receivedAt: { $lt: new Date(Date.now() - olderThanMs) } },
      { sort: { receivedAt: 1 } },
    );
    for (const event of stale) {
      await this.fanout(event.eventId, JSON.parse(event.payloadJson) as EventPayload, {
        traceparent: event.traceparent,
      });
    }
    return stale.length;
  }

  private async accept(
    event: IncomingEvent,
    id: string,
    internal: boolean,
    traceparent?: string,
  ): Promise<string> {
    const now = Date.now();
    const payload: EventPayload = {
      id: internal ? id : (event.id ?? id),
      name: event.name,
      data: event.data ?? {},
      ...(event.user ? { user: event.user } : {}),
      ts: event.ts ?? now,
      ...(event.v ? { v: event.v } : {}),
    };
    const document: Omit<EventDocument, 'eventId'> = {
      name: event.name,
      payloadJson: JSON.stringify(payload),
      ...(event.id ? { idempotencyKey: event.id } : {}),
      internal,
      receivedAt: new Date(now),
      ...(traceparent ? { traceparent } : {}),
      fanoutDone: false,
    };
    const plan = await this.plan(payload);
    const nothingToDo = plan.functions.length === 0 && plan.waits.length === 0 && !plan.mayCancel;
    const inserted = await insertIfAbsent(
      this.events,
      { eventId: id },
      { ...document, fanoutDone: nothingToDo },
    );
    if (!inserted) {
      // Same id: a retried send. Finish its fan-out if the first attempt did not.
      const existing = await this.events.findOne({ eventId: id });
      if (existing && !existing.fanoutDone) {
        await this.fanout(id, JSON.parse(existing.payloadJson) as EventPayload, {
          traceparent: existing.traceparent,
        });
      }
      return id;
    }
    this.logger.debug({ eventId: id, eventName: event.name }, 'event received');
    if (!nothingToDo) await this.fanout(id, payload, { traceparent, plan });
    return id;
  }

  private async plan(payload: EventPayload): Promise<FanoutPlan> {
    const [functions, waits, mayCancel] = await Promise.all([
      this.registry.allFunctions(),
      this.waits.waitsFor(payload),
      this.canceller.mayApply(payload.name),
    ]);
    return { functions: functionsTriggeredBy(functions, payload), waits, mayCancel };
  }

  private async fanout(
    eventId: string,
    payload: EventPayload,
    options: { traceparent?: string; plan?: FanoutPlan },
  ): Promise<void> {
    const { traceparent } = options;
    const plan = options.plan ?? (await this.plan(payload));
    for (const fn of plan.functions) {
      if (fn.batch) {
        await this.batcher.add(fn, eventId, payload, traceparent);
        continue;
      }
      await this.starter.start({
        fn,
        events: [payload],
        eventIds: [eventId],
        runId: deterministicUlid(ulidTime(eventId), eventId, fn.id),
        eventKey: payload.id,
        ...(traceparent ? { traceparent } : {}),
      });
    }
    await this.waits.resolve(payload, plan.waits);
    if (plan.mayCancel) await this.canceller.cancelMatching(payload);
    await this.events.updateOne({ eventId }, { $set: { fanoutDone: true } });
  }
}
