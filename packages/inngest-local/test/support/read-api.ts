export interface RunView {
  run_id: string;
  function_id: string;
  status: 'Running' | 'Completed' | 'Failed' | 'Cancelled';
  output: unknown;
  event_id: string | null;
  run_started_at: string;
  ended_at: string | null;
}

/** Set when the executor under test requires its signing key for reads. */
let authorization: string | undefined;
export function useReadAuthorization(signingKey: string | undefined): void {
  authorization = signingKey ? `Bearer ${signingKey}` : undefined;
}
const readHeaders = (extra: Record<string, string> = {}): Record<string, string> =>
  authorization ? { ...extra, authorization } : extra;

export async function runsForEvent(executorUrl: string, eventId: string): Promise<RunView[]> {
  const response = await fetch(`${executorUrl}/v1/events/${eventId}/runs`, {
    headers: readHeaders(),
  });
  const body = (await response.json()) as { data: RunView[] };
  return body.data;
}

/** Polls until the event's run of `functionId` (or its only run) has ended, and returns it. */
export async function waitForRunEnd(
  executorUrl: string,
  eventId: string,
  options: { functionId?: string; timeoutMs?: number } = {},
): Promise<RunView> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  let last: RunView | undefined;
  while (Date.now() < deadline) {
    const runs = await runsForEvent(executorUrl, eventId);
    last = runs.find((run) => !options.functionId || run.function_id.endsWith(options.functionId));
    if (last && last.status !== 'Running') return last;
    await sleep(50);
  }
  throw new Error(
    `run for event ${eventId} did not end in time; last seen: ${JSON.stringify(last)}`,
  );
}

/** Polls until some run of a function (found through the overview) ended. */
export async function waitForFunctionRun(
  executorUrl: string,
  functionId: string,
  options: { timeoutMs?: number; status?: RunView['status'] } = {},
): Promise<RunView> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  while (Date.now() < deadline) {
    const response = await fetch(executorUrl, {
      headers: readHeaders({ accept: 'application/json' }),
    });
    const { runs } = (await response.json()) as { runs: RunView[] };
    const run = runs.find(
      (candidate) =>
        candidate.function_id.endsWith(functionId) &&
        (options.status ? candidate.status === options.status : candidate.status !== 'Running'),
    );
    if (run) return run;
    await sleep(50);
  }
  throw new Error(`no ended run of ${functionId} in time`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
