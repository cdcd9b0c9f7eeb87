/**
 * Turns on the one e2e platform, across Playwright's worker processes: any number of tests may
 * share it, but a test that must be alone on it (it reads a whole-shop count, or uses up the one
 * client's rate limit) waits until the tests running beside it have ended, and none starts beside
 * it. A readers-writer lock in a folder of files, because the workers share nothing else:
 * - alone: create the folder `alone` (only one process can), then wait until `shared/` is empty;
 * - shared: wait while `alone` exists, put a file in `shared/`, then look again: if `alone`
 *   appeared meanwhile, take the file back and wait. Whichever of the two looks second sees the
 *   other, so an alone test never overlaps a shared one.
 * The folder is made per run by `platform-turn-setup.ts` (Playwright's global setup).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const turnFolderVariable = 'SHOP_E2E_TURN_DIR';

const pollMs = 200;
// Longer than any test may run (the route fuzzer's 300 s): an alone turn not given back by then
// was left by a worker that died holding it (a dead worker's shared turns are passed over).
export const turnWaitLimitMs = 10 * 60_000;

let sharedTurns = 0;

function turnFolder(): string {
  const folder = process.env[turnFolderVariable];
  if (!folder)
    throw new Error(`${turnFolderVariable} is not set: run the specs through Playwright`);
  return folder;
}

/** A shared turn's file (`<pid>-<n>`) of a worker that died holding it holds nothing. */
function isRunning(entry: string): boolean {
  try {
    process.kill(Number.parseInt(entry, 10), 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

const pause = () => new Promise((resolve) => setTimeout(resolve, pollMs));

async function waitUntil(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + turnWaitLimitMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(
        `waited ${turnWaitLimitMs / 1000} s for ${what}; did a test process die in it?`,
      );
    }
    await pause();
  }
}

/** Waits until no other test runs, keeps any from starting, and returns how to give that back. */
export async function takeTurnAlone(): Promise<() => Promise<void>> {
  const alone = join(turnFolder(), 'alone');
  const shared = join(turnFolder(), 'shared');
  await waitUntil(
    () =>
      mkdir(alone).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'EEXIST') return false;
          throw error;
        },
      ),
    'another test that runs alone',
  );
  const giveBack = () => rm(alone, { recursive: true, force: true });
  try {
    await waitUntil(
      async () => (await readdir(shared)).every((entry) => !isRunning(entry)),
      'the tests running beside this one to end',
    );
  } catch (error) {
    await giveBack();
    throw error;
  }
  return giveBack;
}

/** Waits while a test runs alone, then marks this one as running; returns how to unmark it. */
export async function takeSharedTurn(): Promise<() => Promise<void>> {
  const alone = join(turnFolder(), 'alone');
  sharedTurns += 1;
  const mine = join(turnFolder(), 'shared', `${process.pid}-${sharedTurns}`);
  await waitUntil(async () => {
    if (existsSync(alone)) return false;
    await writeFile(mine, '');
    if (!existsSync(alone)) return true;
    await unlink(mine);
    return false;
  }, 'a test that runs alone to end');
  return () => unlink(mine).catch(() => {});
}

/** For the global setup: a fresh folder for this run. */
export async function makeTurnFolder(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
  await mkdir(join(folder, 'shared'), { recursive: true });
}
