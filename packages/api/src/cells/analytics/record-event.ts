import { defineSagaStep } from '../saga-step';
import { analyticsDatabase } from './database';

export interface ReceivedEvent {
  id: string;
  name: string;
  ts: number;
}

/**
 * Stores one event as an analytics row, once: keyed by the Inngest event id, so a retried run
 * or a redelivered event never counts twice. `onceFor` names a business key instead (an order id
 * for a conversion): two different events about the same thing (the order cell sending
 * `order.confirmed` again after a crash) then also count once, under the event's name.
 */
export async function recordEvent(
  event: ReceivedEvent,
  properties: Record<string, unknown>,
  onceFor?: { property: string; value: string },
): Promise<void> {
  const { AnalyticsEvent } = await analyticsDatabase.models();
  const filter = onceFor
    ? { name: event.name, [`properties.${onceFor.property}`]: onceFor.value }
    : { 'properties.eventId': event.id };
  await AnalyticsEvent.updateOne(
    filter,
    {
      $setOnInsert: {
        name: event.name,
        occurredAt: new Date(event.ts),
        source: event.name.slice(0, event.name.indexOf('/')),
        properties: {
          eventId: event.id,
          ...properties,
          ...(onceFor ? { [onceFor.property]: onceFor.value } : {}),
        },
      },
    },
    { upsert: true },
  );
}

/** One event to record: `recordEvent`'s arguments. */
export interface EventRecord {
  event: ReceivedEvent;
  properties: Record<string, unknown>;
  onceFor?: { property: string; value: string };
}

/** The one step of every recording function (`functions/record-*.ts`). */
export const recordEventStep = defineSagaStep({
  id: 'record',
  run: ({ event, properties, onceFor }: EventRecord) => recordEvent(event, properties, onceFor),
});

/**
 * Several events in one round trip (`bulkWrite` of the same keyed upserts as `recordEvent`), for
 * functions that take events in batches: a retried batch counts each event once.
 */
export async function recordEvents(records: readonly EventRecord[]): Promise<{ recorded: number }> {
  if (records.length === 0) return { recorded: 0 };
  const { AnalyticsEvent } = await analyticsDatabase.models();
  await AnalyticsEvent.bulkWrite(
    records.map(({ event, properties }) => ({
      updateOne: {
        filter: { 'properties.eventId': event.id },
        update: {
          $setOnInsert: {
            name: event.name,
            occurredAt: new Date(event.ts),
            source: event.name.slice(0, event.name.indexOf('/')),
            properties: { eventId: event.id, ...properties },
          },
        },
        upsert: true,
      },
    })),
    { ordered: false },
  );
  return { recorded: records.length };
}

/** The one step of a batched recording function (`functions/record-search.ts`). */
export const recordEventsStep = defineSagaStep({ id: 'record-batch', run: recordEvents });
