import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './repo-root';

const secretlint = path.join(repoRoot, 'tooling/delivery/node_modules/.bin/secretlint');

export type ScanResult = { clean: boolean; report: string };

/**
 * secretlint (recommended preset: cloud keys, private keys, tokens, connection strings with
 * passwords, …) over the given files, with the repository's .secretlintrc.json and
 * .secretlintignore. The report masks what it found, so it is safe to print.
 */
export function scanForSecrets(files: readonly string[], cwd: string): ScanResult {
  if (files.length === 0) return { clean: true, report: '' };
  const result = spawnSync(
    secretlint,
    [
      '--secretlintrc',
      path.join(repoRoot, '.secretlintrc.json'),
      // Relative to cwd: secretlint 13 matches no entry when given this path absolute.
      '--secretlintignore',
      path.relative(cwd, path.join(repoRoot, '.secretlintignore')),
      '--format',
      'unix',
      // Paths as given: Next.js route folders ([slug], (group)) are not globs.
      '--no-glob',
      ...files,
    ],
    { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const report = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  return { clean: result.status === 0, report: report || String(result.error ?? '') };
}
