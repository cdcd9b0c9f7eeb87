import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitFor } from '@shop/db/testing';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface SpawnedHost {
  url: string;
  process: ChildProcess;
  /** Every JSON log line the process wrote so far. */
  logs: Record<string, unknown>[];
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

/** How to start the host: by default its source through tsx, as `pnpm dev` runs it. */
export interface HostCommand {
  args: string[];
  cwd: string;
}

const fromSource: HostCommand = { args: ['--import', 'tsx', 'src/host/main.ts'], cwd: packageRoot };

/**
 * Starts the cell host in its own Node process (its source through tsx unless `command` says
 * otherwise, e.g. the image's bundle), on a free port, and resolves once it logs that it listens.
 */
export async function spawnHost(
  env: Record<string, string>,
  command: HostCommand = fromSource,
): Promise<SpawnedHost> {
  const child = spawn(process.execPath, command.args, {
    cwd: command.cwd,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'debug', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  let buffered = '';
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          logs.push(entry);
          if (entry.message === 'cell host listening')
            resolve(String((entry.metadata as { url?: unknown } | undefined)?.url));
        } catch {
          // Not a log line (e.g. a library printing); irrelevant to the tests.
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    void exited.then((code) =>
      reject(new Error(`host exited with ${code} before listening:\n${stderr}`)),
    );
  });

  const url = await listening;
  return {
    url,
    process: child,
    logs,
    exited,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Waits for a log line of `host` matching `predicate` (logs arrive over a pipe) and returns it. */
export async function waitForLog(
  host: SpawnedHost,
  predicate: (line: Record<string, unknown>) => boolean,
  timeoutMs = 20_000,
): Promise<Record<string, unknown>> {
  return waitFor(() => host.logs.find(predicate), {
    what: `a matching log line of the host on ${host.url}`,
    timeoutMs,
  });
}
