/**
 * The sessions run's load generator, a process of its own (started by sessions-main.ts with an
 * IPC channel): it holds the shopper sessions, each with its own keep-alive connection to the
 * storefront, opens them on command, and runs the mix on them. Loopback targets only.
 */
import { randomInt } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { LatencyBook } from './latency-book';
import type { LoadData } from './load-data';
import { assertLoopback } from './load-options';
import { commandSchema, type Command, type Report } from './session-protocol';
import { pickVisit, runVisit } from './session-visits';
import { ShopperSession } from './shopper-session';

const send = (report: Report) => process.send?.(report);
const sessions: ShopperSession[] = [];
let target: URL | undefined;
let data: LoadData | undefined;
let thinkSeconds = 1;

/** A distinct private address per session (10.a.b.c from its index), the gateway's rate-limit key. */
const addressOf = (index: number) =>
  `10.${((index + 1) >> 16) & 255}.${((index + 1) >> 8) & 255}.${(index + 1) & 255}`;

const connections = () => ({
  open: sessions.filter((session) => session.isOpen()).length,
  connectionsOpened: sessions.reduce((sum, session) => sum + session.connectionsOpened, 0),
});

async function open(total: number, perSecond: number) {
  const started = performance.now();
  const failed: Record<string, number> = {};
  const opening: Promise<void>[] = [];
  // In slices of 20 ms, so the rate holds without a timer per connection.
  const perSlice = Math.max(1, Math.round(perSecond / 50));
  while (sessions.length < total) {
    for (let i = 0; i < perSlice && sessions.length < total; i += 1) {
      const session = new ShopperSession(target!, addressOf(sessions.length));
      sessions.push(session);
      // The first request opens the connection: the storefront's health route, which renders
      // nothing and calls no cell, so the idle connections' memory is the connections' own.
      opening.push(
        session.request('GET', '/healthz').then((answer) => {
          if (answer.status !== 200) {
            const key =
              answer.status === 0 ? (answer.failure ?? 'no answer') : String(answer.status);
            failed[key] = (failed[key] ?? 0) + 1;
          }
        }),
      );
    }
    await sleep(20);
  }
  await Promise.all(opening);
  send({
    type: 'opened',
    ...connections(),
    sessions: sessions.length,
    failed,
    seconds: (performance.now() - started) / 1000,
  });
}

function idleSession(): ShopperSession | undefined {
  for (let tries = 0; tries < 20; tries += 1) {
    const candidate = sessions[randomInt(sessions.length)]!;
    if (!candidate.busy) return candidate;
  }
  return sessions.find((session) => !session.busy);
}

async function mix(rate: number, seconds: number) {
  const book = new LatencyBook();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const cpuAtStart = process.cpuUsage();
  const started = performance.now();
  const end = started + seconds * 1000;
  const running = new Set<Promise<void>>();
  let visitsStarted = 0;
  let visitsDropped = 0;
  // Open model: arrivals at exponential intervals (a Poisson process at `rate`), whatever the
  // latency, so slowness shows as latency and not as fewer visits.
  for (let next = started; ;) {
    next += (-Math.log(1 - Math.random()) / rate) * 1000;
    if (next >= end) break;
    await sleep(Math.max(0, next - performance.now()));
    const session = idleSession();
    if (!session) {
      visitsDropped += 1;
      continue;
    }
    session.busy = true;
    visitsStarted += 1;
    const group = pickVisit();
    const visit = runVisit(group, { session, data: data!, book, thinkSeconds })
      .catch((error: unknown) =>
        book.failVisit(group, error instanceof Error ? error.message : String(error)),
      )
      .finally(() => {
        session.busy = false;
        running.delete(visit);
      });
    running.add(visit);
  }
  const unfinished = await Promise.race([
    Promise.all(running).then(() => 0),
    sleep(60_000).then(() => running.size),
  ]);
  const cpu = process.cpuUsage(cpuAtStart);
  delay.disable();
  const summary = book.summary();
  send({
    type: 'mixed',
    ...connections(),
    seconds: (performance.now() - started) / 1000,
    visitsStarted,
    visitsDropped,
    visitsUnfinished: unfinished,
    requests: summary.requests,
    overall: summary.overall,
    byGroup: summary.byGroup,
    notOk: summary.notOk,
    redirects: summary.redirects,
    errors: summary.errors,
    cpuMs: (cpu.user + cpu.system) / 1000,
    loopDelayP99Ms: delay.percentile(99) / 1e6,
    loopDelayMaxMs: delay.max / 1e6,
  });
}

async function handle(command: Command): Promise<void> {
  switch (command.type) {
    case 'init':
      target = new URL(assertLoopback(command.target));
      data = command.data;
      thinkSeconds = command.thinkSeconds;
      return void send({ type: 'ready' });
    case 'open':
      return open(command.total, command.perSecond);
    case 'status':
      return void send({ type: 'status', ...connections(), sessions: sessions.length });
    case 'mix':
      return mix(command.rate, command.seconds);
    case 'close':
      sessions.forEach((session) => session.close());
      process.exit(0);
  }
}

process.on('message', (message) => {
  handle(commandSchema.parse(message)).catch((error: unknown) => {
    process.stderr.write(`generator: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
});
// The parent gone (killed, crashed): so are we, and the connections with us.
process.on('disconnect', () => process.exit(0));
