import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';

/**
 * One process of the load stack (a cell host, the executor, the storefront) that a fault test can
 * SIGKILL and start again with the same command. Output goes to `<logDir>/<name>.log`, not the
 * terminal: under load the platform's warnings would bury the report.
 */
export interface PlatformPart {
  name: string;
  /** Where it answers `readyPath` (and, for cell hosts, /metrics). */
  url: string;
  pid(): number | undefined;
  start(): Promise<void>;
  /** SIGKILL: no graceful shutdown, as a crashed pod. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export interface PartCommand {
  name: string;
  url: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  readyPath: string;
  logDir: string;
}

export function platformPart(command: PartCommand): PlatformPart {
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const signalAndWait = async (signal: NodeJS.Signals) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await exited;
  };
  const startOnce = async () => {
    const log = openSync(`${command.logDir}/${command.name}.log`, 'a');
    const started = spawn(process.execPath, command.args, {
      cwd: command.cwd,
      env: command.env,
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    child = started;
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    try {
      await waitReady(command, () => started.exitCode !== null || started.signalCode !== null);
    } catch (error) {
      // Not ready in time: stop it before another attempt takes its port, or it outlives the run
      // (a loaded machine's runs left hosts behind, still listening, with no parent).
      await signalAndWait('SIGKILL');
      throw error;
    }
  };
  return {
    name: command.name,
    url: command.url,
    pid: () => child?.pid,
    async start() {
      // A host exits when the database does not answer within server selection (5 s) at start,
      // which a machine at load 40 can cause; an orchestrator would start it again, so do we.
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await startOnce();
        } catch (error) {
          if (attempt >= 3) throw error;
        }
      }
    },
    kill: () => signalAndWait('SIGKILL'),
    async stop() {
      const timer = setTimeout(() => child?.kill('SIGKILL'), 10_000);
      await signalAndWait('SIGTERM');
      clearTimeout(timer);
    },
  };
}

async function waitReady(command: PartCommand, hasExited: () => boolean): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (hasExited()) {
      throw new Error(
        `${command.name} exited while starting (see ${command.logDir}/${command.name}.log)`,
      );
    }
    const ready = await fetch(`${command.url}${command.readyPath}`, {
      signal: AbortSignal.timeout(2_000),
    })
      .then((response) => response.status < 500)
      .catch(() => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${command.name} was not ready within 180 s`);
}
