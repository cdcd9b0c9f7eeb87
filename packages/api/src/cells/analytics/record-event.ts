import { analyticsDatabase } from './database';

export interface ReceivedEvent {
  id: string;
  name: string;
  ts: number;
}

/**
 * Stores one event as an analytics row, once: keyed by the Inngest event id, so a retried run
 * or a redelivered event never counts twice.
 */
export async function recordEvent(
  event: ReceivedEvent,
  properties: Record<string, unknown>,
): Promise<void> {
  const { AnalyticsEvent } = await analyticsDatabase.models();
  await AnalyticsEvent.updateOne(
    { 'properties.eventId': event.id },
    {
      $setOnInsert: {
        name: event.name,
        occurredAt: new Date(event.ts),
        source: event.name.slice(0, event.name.indexOf('/')),
        properties: { eventId: event.id, ...properties },
      },
    },
    { upsert: true },
  );
}
