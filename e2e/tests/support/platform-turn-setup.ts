/**
 * Playwright's global setup: the folder this run's workers take turns on the platform through
 * (platform-turn.ts), named in the environment the workers inherit, removed at the end.
 */
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTurnFolder, turnFolderVariable } from './platform-turn';

export default async function setUpPlatformTurns(): Promise<() => Promise<void>> {
  const folder = join(tmpdir(), `shop-e2e-turns-${process.pid}`);
  await makeTurnFolder(folder);
  process.env[turnFolderVariable] = folder;
  return () => rm(folder, { recursive: true, force: true });
}
