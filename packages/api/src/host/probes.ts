import type { ServerResponse } from 'node:http';
import type { CellDefinition } from '../cells/cell-definition';
import { inngestUnreachable } from './inngest-reachability';
import { sendJson } from './json-response';

const pingTimeoutMs = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** `/healthz`: the process is alive and its event loop turns. Never touches a dependency. */
export function answerHealth(res: ServerResponse): void {
  sendJson(res, 200, { ok: true });
}

export interface ReadinessState {
  started: boolean;
  draining: boolean;
  /**
   * The Inngest engine this host's cells send to, until it has answered once. Without it every
   * checkout fails (its saga never starts), so a pod is not ready before it has reached the
   * engine; a later outage of the engine does not take every pod out of service (pages and carts
   * still work, and the sends fail with an error the shopper is shown).
   */
  inngest?: { url: string; reached: boolean };
}

/**
 * `/readyz`: 200 only when every hosted cell's database answers a ping and (once, at start) the
 * Inngest engine answered; 503 naming what failed, and 503 while starting or draining so load
 * balancers stop sending traffic.
 */
export async function answerReadiness(
  res: ServerResponse,
  cells: readonly CellDefinition[],
  state: ReadinessState,
): Promise<void> {
  if (state.draining) return sendJson(res, 503, { ready: false, reason: 'draining' });
  if (!state.started) return sendJson(res, 503, { ready: false, reason: 'starting' });
  const results = await Promise.all(
    cells.map(async ({ name, database }) => {
      if (!database) return null;
      try {
        await withTimeout(database.ping(), pingTimeoutMs);
        return null;
      } catch (error) {
        return {
          cell: name,
          dependency: database.name,
          error: error instanceof Error ? error.message : String(error),
        };
      }
    }),
  );
  const failed: object[] = results.filter((result) => result !== null);
  if (state.inngest && !state.inngest.reached) {
    const error = await inngestUnreachable(state.inngest.url);
    if (error) failed.push({ dependency: `inngest at ${state.inngest.url}`, error });
    else state.inngest.reached = true;
  }
  if (failed.length > 0) return sendJson(res, 503, { ready: false, failed });
  sendJson(res, 200, { ready: true, cells: cells.map((cell) => cell.name) });
}
