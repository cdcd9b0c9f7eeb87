import type { Logger } from 'pino';
import { eventIdsFromSeed } from '../ids/event-id-seed';
import { deterministicUlid, newUlid, ulidTime } from '../ids/ulid';
import type { EventPayload, IncomingEvent } from '../protocol/event-payload';
import type { EventDocument, EventModel } from '../store/event-model';
import { insertIfAbsent } from '../store/insert-if-absent';
import type { AppRegistry } from './app-registry';
import type { EventBatcher } from './event-batcher';
import type { RunCanceller } from './run-canceller';
import type { RunStarter } from './run-starter';
import { functionsTriggeredBy } from './trigger-matcher';
import type { WaitResolver } from './wait-resolver';

/**
 * Takes events in: stores each, then fans it out (starts triggered functions, resolves waits,
 * applies cancellations) and marks it done. Every step is idempotent, so an interrupted fan-out
 * can simply be run again, by a retried send or by `resumeUnfinished` after a restart.
 *
 * An event whose `id` was seen before is stored and fanned out like any other, as on the real
 * engine: it resolves waits and cancellations; only starting a function again is deduplicated,
 * per function, by the run keys (see `RunStarter`).
 */
export class EventIngestor {
  constructor(
    private readonly events: EventModel,
    private readonly registry: AppRegistry,
    private readonly starter: RunStarter,
    private readonly waits: WaitResolver,
    private readonly canceller: RunCanceller,
    private readonly batcher: EventBatcher,
    private readonly logger: Logger,
  ) {}

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
    const stale = await this.events
      .find({ fanoutDone: false, receivedAt: { $lt: new Date(Date.now() - olderThanMs) } })
      .sort({ receivedAt: 1 })
      .lean<EventDocument[]>();
    for (const event of stale) {
      await this.fanout(event.eventId, JSON.parse(event.payloadJson), event.traceparent);
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
    if (!(await insertIfAbsent(this.events, { eventId: id }, document))) {
      // Same id: a retried send. Finish its fan-out if the first attempt did not.
      const existing = await this.events.findOne({ eventId: id }).lean<EventDocument>();
      if (existing && !existing.fanoutDone) {
        await this.fanout(id, JSON.parse(existing.payloadJson), existing.traceparent);
      }
      return id;
    }
    this.logger.debug({ eventId: id, eventName: event.name }, 'event received');
    await this.fanout(id, payload, traceparent);
    return id;
  }

  private async fanout(
    eventId: string,
    payload: EventPayload,
    traceparent: string | undefined,
  ): Promise<void> {
    const functions = await this.registry.allFunctions();
    for (const fn of functionsTriggeredBy(functions, payload)) {
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
    await this.waits.resolve(payload);
    await this.canceller.cancelMatching(payload);
    await this.events.updateOne({ eventId }, { $set: { fanoutDone: true } });
  }
}
