import { createHash } from 'node:crypto';

/** The domain of a `From` such as `Shop <orders@shop.example>`; `localhost` if none is found. */
function domainOf(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim());
  return match?.[1]?.toLowerCase() ?? 'localhost';
}

/**
 * The email's `Message-ID`, the same for every attempt at one message (template + dedupe key):
 * should a send be repeated (SMTP accepted it but the record of that was lost, docs/notifications.md
 * "At most once, nearly"), the copies carry one Message-ID, which providers, mail clients and the
 * SMTP capture can recognise as one message.
 */
export function stableMessageId(template: string, dedupeKey: string, from: string): string {
  const hash = createHash('sha256').update(`${template}\n${dedupeKey}`).digest('hex').slice(0, 32);
  return `<${hash}@${domainOf(from)}>`;
}
