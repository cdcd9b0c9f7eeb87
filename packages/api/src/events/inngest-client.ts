import { Inngest, type EventType } from 'inngest';
import type { z } from 'zod';
import type { Domain } from '../domains';
import { rootLogger } from '../observability/logger';

const clients = new Map<Domain, Inngest>();

/**
 * The Inngest app of one cell, id `shop-<domain>`. One app per cell means a pod hosting one cell
 * syncs only that cell's functions. Connection settings (INNGEST_BASE_URL, INNGEST_DEV, keys) are
 * the SDK's standard environment variables.
 */
export function inngestFor(domain: Domain): Inngest {
  let client = clients.get(domain);
  if (!client) {
    client = new Inngest({
      id: `shop-${domain}`,
      logger: rootLogger.child({ component: 'inngest', cell: domain }),
    });
    clients.set(domain, client);
  }
  return client;
}

type AnyEventSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

/**
 * Validates `data` against the event's schema, then sends it from `domain`'s app. Throws when the
 * data is invalid or no Inngest server accepts it; callers decide whether that is fatal.
 */
export async function sendEvent<TName extends string, TSchema extends AnyEventSchema>(
  domain: Domain,
  event: EventType<TName, TSchema>,
  data: z.input<TSchema>,
): Promise<void> {
  const parsed = event.schema.parse(data);
  await inngestFor(domain).send({ name: event.name, data: parsed });
}
