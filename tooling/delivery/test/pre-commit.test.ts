import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { lintGroups } from '../src/lint-groups';
import { repoRoot } from '../src/repo-root';

const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
const hook = path.join(repoRoot, 'tooling/delivery/src/pre-commit.ts');
const fakeMongoUri = ['mongodb://shop', ':hunter2', '@mongo.internal:27017/shop'].join('');

const scratch = mkdtempSync(path.join(tmpdir(), 'shop-pre-commit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A throwaway repository (never this checkout's index, which other work shares). */
function repoWith(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(scratch, 'repo-'));
  execFileSync('git', ['init', '-q'], { cwd: root });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  execFileSync('git', ['add', '.'], { cwd: root });
  return root;
}

function runHook(root: string) {
  const result = spawnSync(tsx, [hook], { cwd: root, encoding: 'utf8' });
  // Colour codes stripped: under CI (FORCE_COLOR) Prettier colours its "[warn]".
  const output = stripVTControlCharacters(`${result.stdout}${result.stderr}`);
  return { status: result.status, output };
}

describe('pre-commit hook', () => {
  // One run with both problems: each hook run costs about a second of CPU (tsx, Prettier, secretlint).
  it('stops a commit whose staged files hold a secret or need formatting, naming each file', () => {
    const root = repoWith({
      'notes.md': '# Notes\n',
      'deploy/prod.env': `URI=${fakeMongoUri}\n`,
      'data.json': '{"a":1,\n\n"b":2}',
    });
    const { status, output } = runHook(root);
    expect(status).toBe(1);
    expect(output).toContain('prod.env');
    expect(output).not.toContain('hunter2');
    expect(output).toMatch(/\[warn\] data\.json/);
    expect(output).not.toMatch(/\[warn\] notes\.md/);
  });

  it('lets clean staged files through', () => {
    const root = repoWith({ 'notes.md': '# Notes\n', 'data.json': '{ "a": 1 }\n' });
    expect(runHook(root)).toMatchObject({ status: 0 });
  });

  it("lints each staged source file with its own package's ESLint config", () => {
    const groups = lintGroups(repoRoot, [
      'packages/api/src/cells/order/router.ts',
      'apps/storefront/src/app/page.tsx',
      'packages/api/test/cell-layout.test.ts',
      'README.md',
      'bench/src/run.ts',
    ]);
    expect(Object.fromEntries(groups)).toEqual({
      [path.join(repoRoot, 'packages/api')]: [
        'src/cells/order/router.ts',
        'test/cell-layout.test.ts',
      ],
      [path.join(repoRoot, 'apps/storefront')]: ['src/app/page.tsx'],
      [path.join(repoRoot, 'bench')]: ['src/run.ts'],
    });
  });
});
