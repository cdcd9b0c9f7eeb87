/**
 * The pre-commit hook (tooling/git-hooks/pre-commit; install with `pnpm hooks:install`): on the
 * staged files only, Prettier's check, ESLint with the config of the package each file belongs
 * to, and secretlint. It checks the files as they are in the working tree, which is what is
 * staged unless part of a file was staged with `git add -p`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { lintGroups } from './lint-groups';
import { repoRoot } from './repo-root';
import { scanForSecrets } from './secret-scan';

const bin = (name: string) => path.join(repoRoot, 'node_modules/.bin', name);

function stagedFiles(root: string): string[] {
  const output = execFileSync(
    'git',
    ['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z'],
    { cwd: root, encoding: 'utf8' },
  );
  return output.split('\0').filter((file) => file !== '' && existsSync(path.join(root, file)));
}

function runStep(name: string, command: string, args: string[], cwd: string): boolean {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status === 0) return true;
  console.error(`pre-commit: ${name} failed${result.error ? ` (${result.error.message})` : ''}`);
  return false;
}

function main(): number {
  const root = execFileSync('git', ['rev-parse', '--show-toplevel'], {
    encoding: 'utf8',
  }).trim();
  const files = stagedFiles(root);
  if (files.length === 0) return 0;
  let ok = true;

  ok = runStep('prettier', bin('prettier'), ['--check', '--ignore-unknown', ...files], root) && ok;

  for (const [directory, group] of lintGroups(root, files)) {
    const name = `eslint (${path.relative(root, directory) || '.'})`;
    ok = runStep(name, bin('eslint'), ['--no-warn-ignored', ...group], directory) && ok;
  }

  const secrets = scanForSecrets(files, root);
  if (!secrets.clean) {
    console.error(secrets.report);
    console.error(
      'pre-commit: secretlint found what looks like a secret (shown masked). Remove it; if it ' +
        'is a deliberate test fixture, add the file to .secretlintignore with the reason.',
    );
    ok = false;
  }

  if (!ok) console.error('pre-commit: commit stopped. Fix the above, or bypass with --no-verify.');
  return ok ? 0 : 1;
}

process.exitCode = main();
