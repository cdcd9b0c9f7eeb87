import type { ServerResponse } from 'node:http';
import type { AppRegistry } from '../../engine/app-registry';
import type { RunFinisher } from '../../engine/run-finisher';
import type { EventDocument } from '../../store/event-model';
import type { RunDocument } from '../../store/run-model';
import type { Store } from '../../store/store';
import { sendHtml, sendJson } from '../http-io';
import { toRunView, type RunView } from '../run-view';

/** Light projection: never load memoised step data for listings. */
const runListFields = { steps: 0, eventsJson: 0 } as const;

export async function handleRunRoute(response: ServerResponse, runId: string, store: Store) {
  const run = await store.runs.findOne({ runId }, runListFields).lean<RunDocument>();
  if (!run) return sendJson(response, 404, { error: `run ${runId} not found` });
  sendJson(response, 200, { data: toRunView(run) });
}

/** `DELETE /v1/runs/:id`: cancels a running run, as Inngest's REST API does. */
export async function handleCancelRunRoute(
  response: ServerResponse,
  runId: string,
  deps: { store: Store; finisher: RunFinisher },
) {
  const run = await deps.store.runs.findOne({ runId }).lean<RunDocument>();
  if (!run) return sendJson(response, 404, { error: `run ${runId} not found` });
  if (run.status === 'Running') await deps.finisher.cancel(run, 'cancelled through the API');
  const after = await deps.store.runs.findOne({ runId }, runListFields).lean<RunDocument>();
  sendJson(response, 200, { data: after ? toRunView(after) : null });
}

export async function handleEventRunsRoute(
  response: ServerResponse,
  eventId: string,
  store: Store,
) {
  const runs = await store.runs
    .find({ eventIds: eventId }, runListFields)
    .sort({ startedAt: 1 })
    .lean<RunDocument[]>();
  sendJson(response, 200, {
    data: runs.map(toRunView),
    metadata: { fetched_at: new Date().toISOString(), cached_until: null },
  });
}

export async function handleEventRoute(response: ServerResponse, eventId: string, store: Store) {
  const event = await store.events.findOne({ eventId }).lean<EventDocument>();
  if (!event) return sendJson(response, 404, { error: `event ${eventId} not found` });
  sendJson(response, 200, {
    data: {
      ...JSON.parse(event.payloadJson),
      internal_id: event.eventId,
      received_at: event.receivedAt,
    },
  });
}

export async function handleOverviewRoute(
  response: ServerResponse,
  wantsJson: boolean,
  deps: { store: Store; registry: AppRegistry },
) {
  const runs = (
    await deps.store.runs
      .find({}, runListFields)
      .sort({ startedAt: -1 })
      .limit(50)
      .lean<RunDocument[]>()
  ).map(toRunView);
  const apps = (await deps.registry.listApps()).map((app) => ({
    id: app.appId,
    url: app.url,
    functions: app.functions.map((fn) => fn.id),
    synced_at: app.syncedAt,
  }));
  if (wantsJson) return sendJson(response, 200, { apps, runs });
  sendHtml(response, 200, overviewHtml(apps, runs));
}

function overviewHtml(apps: { id: string; url: string; functions: string[] }[], runs: RunView[]) {
  const appRows = apps
    .map(
      (app) =>
        `<tr><td>${esc(app.id)}</td><td>${esc(app.url)}</td><td>${app.functions.map(esc).join('<br>')}</td></tr>`,
    )
    .join('');
  const runRows = runs
    .map(
      (run) =>
        `<tr><td><a href="/v1/runs/${esc(run.run_id)}">${esc(run.run_id)}</a></td><td>${esc(run.function_id)}</td>` +
        `<td class="${esc(run.status)}">${esc(run.status)}</td><td>${esc(run.run_started_at)}</td><td>${esc(run.ended_at ?? '')}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>inngest-local</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;margin-bottom:2rem}
td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}.Failed{color:#b00}.Completed{color:#070}
.Running{color:#06c}</style></head><body><h1>inngest-local</h1>
<h2>Apps</h2><table><tr><th>App</th><th>URL</th><th>Functions</th></tr>${appRows}</table>
<h2>Recent runs</h2><table><tr><th>Run</th><th>Function</th><th>Status</th><th>Started</th><th>Ended</th></tr>${runRows}</table>
</body></html>`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
