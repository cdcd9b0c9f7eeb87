import type { ServerResponse } from 'node:http';
import type { CellDefinition } from '../cells/cell-definition';
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
}

/**
 * `/readyz`: 200 only when every hosted cell's database answers a ping; 503 naming what failed,
 * and 503 while starting or draining so load balancers stop sending traffic.
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
  const failed = results.filter((result) => result !== null);
  if (failed.length > 0) return sendJson(res, 503, { ready: false, failed });
  sendJson(res, 200, { ready: true, cells: cells.map((cell) => cell.name) });
}
