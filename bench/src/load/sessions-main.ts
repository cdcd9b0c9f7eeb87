/**
 * `pnpm --filter @shop/bench load:sessions`: N concurrent shopper sessions (default 10,000), each
 * holding its own keep-alive connection to the storefront as a browser connected directly would
 * (the harder case: behind the ingress the storefront would see the ingress's small pool), making
 * the shoppers' mix of bench:load with think time, on loopback only.
 *
 *   pnpm --filter @shop/bench load:sessions                       # 10,000 sessions, 10 visits/s
 *   SESSIONS=5000 SESSIONS_RATE=12 LOAD_MODE=one pnpm --filter @shop/bench load:sessions
 *
 * The total rate is what the machine holds (SESSIONS_RATE visits/s), so each session visits once
 * every SESSIONS / SESSIONS_RATE seconds on average (its think time between visits); within a
 * visit, steps are 1 s apart as in bench:load. The sessions open in SESSIONS_STEPS steps, each
 * held idle for SESSIONS_HOLD_SECONDS while the storefront's memory and file descriptors are
 * read, which gives the memory per open connection; then the mix runs for SESSIONS_SECONDS.
 * Needs the storefront's production build. Ports from LOAD_BASE_PORT (default 6100). The
 * generator is a process of its own (session-generator.ts), so its CPU and memory are its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, open } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeMachine } from '../machine';
import { sampleEventLoopLag } from './cell-metrics';
import { pickLoadData } from './load-data';
import { startLoadStack } from './load-stack';
import { stackProcesses, warmUp } from './measure-load';
import { establishedTo, openFileDescriptors } from './open-connections';
import { processSample, sampleProcesses } from './process-sampler';
import { reportSchema, type Command, type Report } from './session-protocol';
import { formatSessionsReport, type IdleStep } from './format-sessions-report';
import { sessionsOptions } from './sessions-options';

const options = sessionsOptions();
process.env.LOG_LEVEL ??= 'warn';
const out = (text: string) => process.stdout.write(`${text}\n`);
const oneMinuteLoad = () => Number(loadavg()[0]!.toFixed(1));
const runDir = `/tmp/shop-load/sessions-${options.layout}`;
await mkdir(runDir, { recursive: true });

const storefrontPort = options.LOAD_BASE_PORT;
const metricsPort = options.LOAD_BASE_PORT + 5;
const visitGapSeconds = options.SESSIONS / options.SESSIONS_RATE;
// The storefront keeps an idle connection open this long: past the whole run, so a session's
// connection stays open through its think time (production's 65 s would close most of them;
// this run measures the cost of holding them all).
const runSeconds =
  options.SESSIONS / options.SESSIONS_OPEN_RATE +
  options.SESSIONS_STEPS * options.SESSIONS_HOLD_SECONDS +
  options.SESSIONS_SECONDS;
const keepAliveMs = Math.round((runSeconds + 600) * 1000);

out(`Machine: ${describeMachine()}`);
out(
  `${options.SESSIONS} sessions, ${options.SESSIONS_RATE} visits/s: each session visits every ${visitGapSeconds.toFixed(0)} s on average; layout ${options.layout}; load average ${oneMinuteLoad()}`,
);

const stack = await startLoadStack(
  options.layout,
  options.LOAD_BASE_PORT,
  {},
  { KEEP_ALIVE_TIMEOUT: String(keepAliveMs), GATEWAY_METRICS_PORT: String(metricsPort) },
);
let generator: ChildProcess | undefined;
let exitCode = 0;
try {
  out(`database: ${stack.databaseKind}`);
  const data = await pickLoadData(stack.databaseUri, stack.demoAccounts);
  await warmUp(stack, data, `${runDir}/warm-up`);
  generator = await startGenerator();
  const ask = messenger(generator);
  await ask({ type: 'init', target: stack.storefrontUrl, data, thinkSeconds: 1 }, 'ready');

  const storefrontPid = () => stack.storefront.pid();
  const readIdle = async (sessions: number): Promise<IdleStep> => {
    await sleep(options.SESSIONS_HOLD_SECONDS * 1000 - 3_000);
    // The median of three readings a second apart: one reading can land mid-collection.
    const rss: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      rss.push((await processSample(storefrontPid()!))?.rssMiB ?? 0);
      await sleep(1_000);
    }
    return {
      sessions,
      established: await establishedTo(storefrontPort),
      storefrontRssMiB: rss.sort((a, b) => a - b)[1]!,
      storefrontFds: await openFileDescriptors(storefrontPid()),
      generatorRssMiB: (await processSample(generator!.pid!))?.rssMiB ?? 0,
      generatorFds: await openFileDescriptors(generator!.pid),
      loadAverage: oneMinuteLoad(),
    };
  };

  const steps: IdleStep[] = [await readIdle(0)];
  const openFailures: Record<string, number> = {};
  let openSeconds = 0;
  for (let step = 1; step <= options.SESSIONS_STEPS; step += 1) {
    const total = Math.round((options.SESSIONS * step) / options.SESSIONS_STEPS);
    const opened = await ask(
      { type: 'open', total, perSecond: options.SESSIONS_OPEN_RATE },
      'opened',
    );
    openSeconds += opened.seconds;
    for (const [key, count] of Object.entries(opened.failed))
      openFailures[key] = (openFailures[key] ?? 0) + count;
    steps.push(await readIdle(total));
    out(
      `  ${total} sessions open: ${steps.at(-1)!.established} connections established, storefront ${steps.at(-1)!.storefrontRssMiB.toFixed(0)} MiB, ${steps.at(-1)!.storefrontFds} fds; load ${steps.at(-1)!.loadAverage}`,
    );
  }

  const loadAtStart = oneMinuteLoad();
  const processes = sampleProcesses(() => [
    ...stackProcesses(stack)(),
    { name: 'generator', pid: generator?.pid },
  ]);
  const lag = sampleEventLoopLag(
    [...stack.cellHosts, { name: 'storefront', url: `http://127.0.0.1:${metricsPort}` }],
    stack.cellHeaders,
  );
  const established: number[] = [];
  const counting = setInterval(
    () => void establishedTo(storefrontPort).then((count) => established.push(count)),
    5_000,
  );
  const mixed = await ask(
    { type: 'mix', rate: options.SESSIONS_RATE, seconds: options.SESSIONS_SECONDS },
    'mixed',
  );
  clearInterval(counting);
  established.push(await establishedTo(storefrontPort));
  const report = formatSessionsReport({
    options,
    visitGapSeconds,
    keepAliveMs,
    steps,
    openSeconds,
    openFailures,
    mixed,
    establishedDuringMix: established,
    processes: await processes.stop(),
    eventLoop: await lag.stop(),
    loadAverage: { start: loadAtStart, end: oneMinuteLoad() },
    databaseKind: stack.databaseKind,
  });
  out(report.text);
  exitCode = report.held ? 0 : 1;
} finally {
  if (generator?.connected) generator.send({ type: 'close' } satisfies Command);
  await stack.stop();
}
process.exit(exitCode);

async function startGenerator(): Promise<ChildProcess> {
  const log = await open(`${runDir}/generator.log`, 'w');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./session-generator.ts', import.meta.url))],
    {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      env: process.env,
      stdio: ['ignore', log.fd, log.fd, 'ipc'],
    },
  );
  await log.close();
  child.once('exit', (code) => {
    if (code) process.stderr.write(`generator exited with ${code}; see ${runDir}/generator.log\n`);
  });
  return child;
}

/** Sends a command and waits for the generator's report of the given type. */
function messenger(child: ChildProcess) {
  return <T extends Report['type']>(command: Command, expect: T) =>
    new Promise<Extract<Report, { type: T }>>((resolve, reject) => {
      const onMessage = (message: unknown) => {
        const parsed = reportSchema.safeParse(message);
        if (!parsed.success || parsed.data.type !== expect) return;
        const report = parsed.data;
        cleanUp();
        resolve(report as Extract<Report, { type: T }>);
      };
      const onExit = () => {
        cleanUp();
        reject(new Error(`the generator exited while waiting for '${expect}'`));
      };
      const cleanUp = () => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send(command);
    });
}
