import { createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import { hostConfig } from '../config/host';
import type { Domain } from '../domains';
import { inngestPathFor } from './inngest-endpoints';

/**
 * The `X-Inngest-Signature` an empty-bodied request carries: `t=<unix seconds>&s=<hex
 * HMAC-SHA256 of body + t>`, keyed with the signing key minus its `signkey-<env>-` prefix, as the
 * Inngest engine signs its own requests. The SDK accepts a sync only so signed outside dev mode.
 */
export function inngestSignature(body: string, signingKey: string, nowMs = Date.now()): string {
  const timestamp = Math.round(nowMs / 1000).toString();
  const mac = createHmac('sha256', signingKey.replace(/^signkey-\w+-/, ''))
    .update(body + timestamp)
    .digest('hex');
  return `t=${timestamp}&s=${mac}`;
}

/**
 * Asks each hosted cell's Inngest endpoint to register itself with the Inngest server (the SDK's
 * `PUT` handshake), signed with INNGEST_SIGNING_KEY when one is set. Opt-in with
 * `INNGEST_SYNC_ON_START=1`: normally the Inngest server (or the local executor) is given the
 * cells' URLs and syncs them itself. Failures are logged: the host still serves requests and a
 * later sync can succeed.
 */
export async function syncInngestEndpoints(
  hostUrl: string,
  cells: readonly Domain[],
  logger: Logger,
  signingKey: string | undefined = hostConfig().INNGEST_SIGNING_KEY,
): Promise<void> {
  await Promise.all(
    cells.map(async (cell) => {
      try {
        const headers: Record<string, string> = signingKey
          ? { 'x-inngest-signature': inngestSignature('', signingKey) }
          : {};
        const response = await fetch(`${hostUrl}${inngestPathFor(cell)}`, {
          method: 'PUT',
          headers,
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
        logger.info({ cell }, 'synced with Inngest');
      } catch (error) {
        logger.warn({ err: error, cell }, 'could not sync with Inngest');
      }
    }),
  );
}
