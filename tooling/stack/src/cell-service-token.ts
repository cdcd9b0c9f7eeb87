import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stackConfig } from './config';

/**
 * The internal credential the stack's cells require and its apps present (`CELL_SERVICE_TOKEN`),
 * so `pnpm dev` and e2e exercise the same check production makes: the configured value when set,
 * else one generated once per checkout and kept in `.data/cell-service-token` (git-ignored), where
 * a developer's `curl` or an e2e test that asks a cell directly reads it. Never committed.
 */
export async function cellServiceToken(file: string): Promise<string> {
  const configured = stackConfig().CELL_SERVICE_TOKEN;
  if (configured) return configured;
  const existing = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (existing.length >= 32) return existing;
  const generated = randomBytes(32).toString('base64url');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${generated}\n`, { mode: 0o600 });
  return generated;
}
