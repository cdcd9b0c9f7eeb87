import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/repo-root';
import { scanForSecrets } from '../src/secret-scan';

// Built from parts so this file does not itself look like a leak.
const fakeMongoUri = ['mongodb://shop', ':hunter2', '@mongo.internal:27017/shop'].join('');
const fakeGithubToken = ['ghp', '_', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'].join('');

const scratch = mkdtempSync(path.join(tmpdir(), 'shop-secretlint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('secret scan (secretlint, recommended preset)', () => {
  it('finds nothing in the repository (tracked and new files, .gitignore respected)', () => {
    const files = execFileSync(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
      { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    )
      .split('\0')
      // Deleted but still in the index: nothing to scan.
      .filter((file) => file !== '' && existsSync(path.join(repoRoot, file)));
    expect(files.length).toBeGreaterThan(500);
    const result = scanForSecrets(files, repoRoot);
    expect(result.report).toBe('');
    expect(result.clean).toBe(true);
    // Every file of the repository (about 1,700): seconds alone, past 60 s on a machine shared
    // with the rest of the suite and other work (147 s at load 37).
  }, 240_000);

  it('catches a connection string with a password and a GitHub token, masked in the report', () => {
    const file = path.join(scratch, 'leak.env');
    writeFileSync(file, `MONGODB_URI=${fakeMongoUri}\nGITHUB_TOKEN=${fakeGithubToken}\n`);
    const result = scanForSecrets([file], scratch);
    expect(result.clean).toBe(false);
    expect(result.report).toContain('leak.env');
    expect(result.report).not.toContain('hunter2');
    expect(result.report).not.toContain(fakeGithubToken);
  });
});
