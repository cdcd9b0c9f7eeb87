import type { Logger } from 'pino';
import type { Domain } from '../domains';
import { inngestPathFor } from './inngest-endpoints';

/**
 * Asks each hosted cell's Inngest endpoint to register itself with the Inngest server (the SDK's
 * `PUT` handshake). Opt-in with `INNGEST_SYNC_ON_START=1`: normally the Inngest server (or the
 * local executor) is given the cells' URLs and syncs them itself. Failures are logged: the host
 * still serves requests and a later sync can succeed.
 */
export async function syncInngestEndpoints(
  hostUrl: string,
  cells: readonly Domain[],
  logger: Logger,
): Promise<void> {
  await Promise.all(
    cells.map(async (cell) => {
      try {
        const response = await fetch(`${hostUrl}${inngestPathFor(cell)}`, { method: 'PUT' });
        if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
        logger.info({ cell }, 'synced with Inngest');
      } catch (error) {
        logger.warn({ err: error, cell }, 'could not sync with Inngest');
      }
    }),
  );
}
