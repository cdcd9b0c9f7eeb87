import { randomUUID } from 'node:crypto';
import type { IngestEventsInput, TrackedEventInput } from '../../src/cells/analytics/inputs';

/** A fresh browser id the way the storefront's tracker makes one. */
export const browserId = (): string => randomUUID();

type EventWithoutId = TrackedEventInput extends infer E
  ? E extends TrackedEventInput
    ? Omit<E, 'id'> & { id?: string }
    : never
  : never;

/** A batch from one browser: ids filled in, desktop, direct traffic, no consent signals. */
export function batchOf(
  events: EventWithoutId[],
  overrides: Partial<Omit<IngestEventsInput, 'events'>> = {},
): IngestEventsInput {
  return {
    anonymousId: browserId(),
    sessionId: browserId(),
    device: 'desktop',
    source: 'direct',
    signals: { gpc: false, consent: 'unset' },
    ...overrides,
    events: events.map((event) => ({ id: browserId(), ...event }) as TrackedEventInput),
  };
}
