import { z } from 'zod';

const jsonObject = z.record(z.string(), z.unknown(), { error: 'must be a JSON object' });

/** One event as an SDK or any HTTP client sends it to `/e/:eventKey`. */
export const incomingEventSchema = z.object({
  name: z.string({ error: 'an event needs a name' }).min(1, 'an event needs a name'),
  data: jsonObject.nullish(),
  user: jsonObject.nullish(),
  id: z.string().optional(),
  ts: z.number().int().nonnegative().optional(),
  v: z.string().optional(),
  meta: z.unknown().optional(),
});

/** `inngest.send()` posts an array; a single object is accepted too, as the real server does. */
export function parseIncomingEvents(
  body: unknown,
): { success: true; data: IncomingEvent[] } | { success: false; error: z.ZodError } {
  // Chosen by shape rather than with a union, so errors name the offending field.
  return Array.isArray(body)
    ? z.array(incomingEventSchema).min(1, 'no events').safeParse(body)
    : incomingEventSchema.transform((event) => [event]).safeParse(body);
}

export type IncomingEvent = z.infer<typeof incomingEventSchema>;

/** An event as functions receive it (`event`, `events`, `waitForEvent`'s result). */
export interface EventPayload {
  id: string;
  name: string;
  data: Record<string, unknown>;
  user?: Record<string, unknown>;
  ts: number;
  v?: string;
}
