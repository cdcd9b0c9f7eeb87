import { execFileSync } from 'node:child_process';

/** Kernel clock ticks per second (/proc/<pid>/stat counts CPU time in them); 100 on most Linux. */
export const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
