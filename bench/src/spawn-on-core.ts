import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** Whether processes can be pinned to a core here (taskset, from util-linux). */
export function tasksetAvailable(): boolean {
  try {
    execFileSync('taskset', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface ProcessOnCore {
  child: ChildProcess;
  /** False where `taskset` is missing: the process then runs on any core. */
  pinned: boolean;
  /** SIGTERM (once), then resolves when the process has exited. */
  stop(): Promise<void>;
}

/**
 * Starts `node <nodeArgs>` (this process's Node) pinned to `core` with `taskset -c`, or unpinned
 * where taskset is missing, so a benchmark's server and its load generator do not share a core.
 */
export function spawnOnCore(
  core: number,
  nodeArgs: string[],
  options: SpawnOptions,
): ProcessOnCore {
  const pinned = tasksetAvailable();
  const child = pinned
    ? spawn('taskset', ['-c', String(core), process.execPath, ...nodeArgs], options)
    : spawn(process.execPath, nodeArgs, options);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return { child, pinned, stop };
}

/** Moves THIS process (the load generator) to `core`; false where taskset is missing. */
export function moveThisProcessToCore(core: number): boolean {
  if (!tasksetAvailable()) return false;
  execFileSync('taskset', ['-p', '-c', String(core), String(process.pid)], { stdio: 'ignore' });
  return true;
}
