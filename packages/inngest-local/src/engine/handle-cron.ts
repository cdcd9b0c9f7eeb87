import { deterministicUlid } from '../ids/ulid';
import type { EventPayload } from '../protocol/event-payload';
import type { JobDocument } from '../store/job-model';
import { nextCronRun } from './cron-schedule';
import type { EngineParts } from './engine-parts';

/**
 * A cron tick: starts the function with an `inngest/scheduled.timer` event, then schedules the next
 * tick. Ids derive from the tick, so a tick retried after a crash starts no second run. Ticks
 * missed while the executor was down collapse into one.
 */
export async function handleCron(parts: EngineParts, job: JobDocument) {
  const fn = job.functionId ? await parts.registry.findFunction(job.functionId) : undefined;
  const cron = job.cron;
  if (!fn || !cron || !fn.triggers.some((trigger) => 'cron' in trigger && trigger.cron === cron)) {
    await parts.queue.remove(job.jobId);
    return;
  }
  const tick = new Date(job.dueAt).getTime();
  const event: EventPayload = {
    id: deterministicUlid(tick, job.jobId, 'event'),
    name: 'inngest/scheduled.timer',
    data: { cron },
    ts: tick,
  };
  await parts.ingestor.recordScheduledEvent(event);
  await parts.starter.start({
    fn,
    events: [event],
    eventIds: [event.id],
    runId: deterministicUlid(tick, job.jobId, 'run'),
  });

  const next = nextCronRun(cron, new Date(Math.max(Date.now(), tick)));
  if (next) await parts.queue.reschedule(job.jobId, next);
  else await parts.queue.remove(job.jobId);
}
