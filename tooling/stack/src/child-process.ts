import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const colours = [36, 35, 33, 32, 34, 31];
let nextColour = 0;

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** Sends SIGTERM, waits for a graceful exit, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

/**
 * Starts a long-running child with its output prefixed by its name, so one terminal shows the
 * whole platform. Children stay in the launcher's process group, so whatever kills the launcher's
 * group (Ctrl-C in a terminal, Playwright's web-server teardown) also reaches them.
 */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; quiet?: boolean },
): ManagedProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const colour = colours[nextColour++ % colours.length];
  const prefix = process.stdout.isTTY ? `\u001b[${colour}m[${name}]\u001b[0m ` : `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    const lines = createInterface({ input: stream });
    lines.on('line', (line) => {
      if (!options.quiet) process.stdout.write(prefix + line + '\n');
    });
  }
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );

  async function stop(graceMs = 10_000): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  return { name, child, stop, exited };
}
