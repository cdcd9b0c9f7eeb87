import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stackEnv } from './config';

/**
 * The secret the apps seal their next-auth session cookies with, for `pnpm dev` and e2e only:
 * `NEXTAUTH_SECRET` / `AUTH_SECRET` when set, else a random one generated once per checkout and
 * kept in `.data/` (git-ignored), so sign-ins survive a restart. Production sets its own secret
 * (infra/k8s); no secret is ever committed.
 */
export async function sessionSecret(file: string, env: NodeJS.ProcessEnv = stackEnv()) {
  const configured = env.NEXTAUTH_SECRET || env.AUTH_SECRET;
  if (configured) return configured;
  return persistedSecret(file);
}

/** A random secret generated once per checkout and kept in `file` (git-ignored `.data/`). */
export async function persistedSecret(file: string): Promise<string> {
  const existing = await readFile(file, 'utf8').catch(() => '');
  if (existing.trim().length >= 32) return existing.trim();
  const generated = randomBytes(32).toString('base64url');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${generated}\n`, { mode: 0o600 });
  return generated;
}
