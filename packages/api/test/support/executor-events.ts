import { waitFor } from '@shop/db/testing';
import type { LocalInngest } from '@shop/inngest-local';

/**
 * Sends an event to the local executor's event API, as a cell's Inngest client would (a
 * redelivery is the same data sent again). Returns the event's id.
 */
export async function sendToExecutor(
  executor: LocalInngest,
  name: string,
  data: Record<string, unknown>,
): Promise<string> {
  const response = await fetch(`${executor.url}/e/test`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, data }),
  });
  if (response.status !== 200) throw new Error(`event ${name} refused: ${response.status}`);
  const { ids } = (await response.json()) as { ids: string[] };
  return ids[0]!;
}

export interface RunView {
  function_id: string;
  status: 'Running' | 'Completed' | 'Failed' | 'Cancelled';
  output?: unknown;
}

/**
 * Waits until every run the event started has ended, and returns them. `expectedRuns` waits for
 * that many (an event several cells listen to starts one run per function, not all at once).
 */
export async function runsEnded(
  executor: LocalInngest,
  eventId: string,
  expectedRuns = 1,
): Promise<RunView[]> {
  let seen: RunView[] = [];
  return waitFor(
    async () => {
      const response = await fetch(`${executor.url}/v1/events/${eventId}/runs`);
      seen = ((await response.json()) as { data: RunView[] }).data;
      return seen.length >= expectedRuns && seen.every((run) => run.status !== 'Running') && seen;
    },
    { what: `${expectedRuns} run(s) of event ${eventId} to end` },
  ).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}; runs: ${JSON.stringify(seen)}`);
  });
}

interface OverviewRun extends RunView {
  run_id: string;
  event_id: string | null;
  run_started_at: string;
  ended_at: string | null;
}

/**
 * The latest run of a function (id ending in `functionId`) whose triggering event's data
 * satisfies `matches`, looked up through the executor's overview (its 50 latest runs).
 */
export async function latestRunOf(
  executor: LocalInngest,
  functionId: string,
  matches: (data: Record<string, unknown>) => boolean,
): Promise<OverviewRun | undefined> {
  const response = await fetch(executor.url, { headers: { accept: 'application/json' } });
  const { runs } = (await response.json()) as { runs: OverviewRun[] };
  for (const run of runs.filter((candidate) => candidate.function_id.endsWith(functionId))) {
    if (!run.event_id) continue;
    const event = await fetch(`${executor.url}/v1/events/${run.event_id}`);
    const { data } = (await event.json()) as { data: { data: Record<string, unknown> } };
    if (matches(data.data)) return run;
  }
  return undefined;
}
