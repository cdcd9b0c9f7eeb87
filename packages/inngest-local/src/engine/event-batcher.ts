import type { Logger } from 'pino';
import { compileExpression, triggerScope } from '../expression';
import { deterministicUlid, ulidTime } from '../ids/ulid';
import type { EventPayload } from '../protocol/event-payload';
import { resolveDeadline } from '../protocol/time-string';
import type { FunctionDefinition } from '../store/app-model';
import type { BatchDocument, BatchModel } from '../store/batch-model';
import { driverCollection } from '../store/driver-collection';
import { insertIfAbsent } from '../store/insert-if-absent';
import type { JobQueue } from './job-queue';
import type { RunStarter } from './run-starter';

/**
 * `batchEvents`: one run for up to `maxSize` events, started when the batch is full or `timeout`
 * after its first event, whichever comes first (as on the real engine). Events that fail the
 * batch's `if` run alone at once. Every write is one conditional single-document update, so a
 * repeated fan-out adds nothing twice and a batch is never filled past its size; the run id
 * derives from the batch, so starting it twice starts one run.
 */
export class EventBatcher {
  constructor(
    private readonly batches: BatchModel,
    private readonly starter: RunStarter,
    private readonly queue: JobQueue,
    private readonly logger: Logger,
  ) {}

  static jobId(batchId: string): string {
    return `${batchId}:batch`;
  }

  async add(
    fn: FunctionDefinition,
    eventId: string,
    payload: EventPayload,
    traceparent?: string,
  ): Promise<void> {
    const batch = fn.batch;
    if (!batch) throw new Error(`function ${fn.id} does not batch events`);
    if (batch.if && !compileExpression(batch.if, triggerScope).matches({ event: payload })) {
      await this.starter.start({
        fn,
        events: [payload],
        eventIds: [eventId],
        runId: deterministicUlid(ulidTime(eventId), eventId, fn.id),
        ...(traceparent ? { traceparent } : {}),
      });
      return;
    }
    // A fan-out run again after a crash, or the sender sent the same event (id) again: like the
    // run keys of unbatched functions, one batch holds it at most once.
    if (await this.batches.exists({ functionId: fn.id, eventKeys: payload.id })) return;

    const key = batch.key ? keyValue(batch.key, payload) : '';
    const joined = await this.batches
      .findOneAndUpdate(
        { functionId: fn.id, key, status: 'open', size: { $lt: batch.maxSize } },
        {
          $push: { eventIds: eventId, eventKeys: payload.id, eventsJson: JSON.stringify(payload) },
          $inc: { size: 1 },
        },
        { sort: { openedAt: 1 }, returnDocument: 'after' },
      )
      .lean<BatchDocument>();
    if (joined) {
      if (joined.size >= batch.maxSize) await this.close(fn, joined.batchId);
      return;
    }

    const now = Date.now();
    const batchId = deterministicUlid(ulidTime(eventId), eventId, `${fn.id}:batch`);
    const dueAt = resolveDeadline(batch.timeout, now);
    await insertIfAbsent(
      driverCollection(this.batches),
      { batchId },
      {
        functionId: fn.id,
        key,
        eventIds: [eventId],
        eventKeys: [payload.id],
        eventsJson: [JSON.stringify(payload)],
        size: 1,
        status: 'open',
        openedAt: new Date(now),
        dueAt,
        ...(traceparent ? { traceparent } : {}),
      },
    );
    if (batch.maxSize <= 1) return this.close(fn, batchId);
    await this.queue.enqueueOnce({
      jobId: EventBatcher.jobId(batchId),
      kind: 'batch',
      dueAt,
      functionId: fn.id,
      batchId,
    });
  }

  /**
   * Closes the batch (nothing joins it after this write) and starts its run with every event in
   * it. Safe to call again: a closed batch keeps its events and its run id.
   */
  async close(fn: FunctionDefinition, batchId: string): Promise<void> {
    await this.batches.updateOne({ batchId, status: 'open' }, { $set: { status: 'closed' } });
    const batch = await this.batches.findOne({ batchId }).lean<BatchDocument>();
    if (!batch) return;
    const events = batch.eventsJson.map((json) => JSON.parse(json) as EventPayload);
    await this.starter.start({
      fn,
      events,
      eventIds: batch.eventIds,
      runId: deterministicUlid(batch.openedAt.getTime(), batchId, 'run'),
      ...(batch.traceparent ? { traceparent: batch.traceparent } : {}),
    });
    this.logger.debug({ functionId: fn.id, batchId, events: batch.size }, 'batch closed');
  }
}

function keyValue(expression: string, event: EventPayload): string {
  const value = compileExpression(expression, triggerScope).evaluate({ event });
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
