import type { RunDocument } from '../store/run-model';

/** A run as the REST API v1 of Inngest shows it (the fields this executor knows). */
export interface RunView {
  run_id: string;
  function_id: string;
  function_name: string;
  app_id: string;
  status: RunDocument['status'];
  event_id: string | null;
  event_ids: string[];
  run_started_at: string;
  ended_at: string | null;
  /** The return value; for a failed or cancelled run, the error (as Inngest's API reports it). */
  output: unknown;
}

export function toRunView(run: RunDocument): RunView {
  const outputJson = run.status === 'Completed' ? run.outputJson : run.errorJson;
  return {
    run_id: run.runId,
    function_id: run.functionId,
    function_name: run.functionName,
    app_id: run.appId,
    status: run.status,
    event_id: run.eventIds[0] ?? null,
    event_ids: run.eventIds,
    run_started_at: new Date(run.startedAt).toISOString(),
    ended_at: run.endedAt ? new Date(run.endedAt).toISOString() : null,
    output: outputJson ? JSON.parse(outputJson) : null,
  };
}
