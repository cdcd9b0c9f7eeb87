import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pinProblem, usesLines } from '../src/action-pins';
import { repoRoot } from '../src/repo-root';
import { workflowFiles } from '../src/workflow-files';
import { asWorkflow, jobProblems } from '../src/workflow-shape';

const run = promisify(execFile);
const actionValidator = path.join(repoRoot, 'tooling/delivery/node_modules/.bin/action-validator');
const workflows = workflowFiles();

describe('GitHub workflows', () => {
  it('exist: CI, security scanning, images and deploy', () => {
    expect(workflows.map((workflow) => workflow.name)).toEqual(
      expect.arrayContaining(['ci.yml', 'images.yml', 'security.yml']),
    );
  });

  it.each(workflows.map((workflow) => [workflow.name, workflow.file]))(
    '%s passes action-validator (GitHub workflow schema)',
    async (_name, file) => {
      // Exit 0 and no output when valid; a schema error exits 1 and prints what failed.
      const output = await run(actionValidator, [file]).then(
        ({ stdout }) => stdout.trim(),
        (error: { code?: number; stdout?: string; stderr?: string }) =>
          `exit ${error.code}: ${error.stdout ?? ''}${error.stderr ?? ''}`,
      );
      expect(output).toBe('');
    },
  );

  it.each(workflows.map((workflow) => [workflow.name, workflow.text]))(
    '%s pins every action to a commit SHA with a # vX.Y.Z comment',
    (_name, text) => {
      const lines = usesLines(text);
      const problems = lines.flatMap((line) => {
        const problem = pinProblem(line);
        return problem ? [`line ${line.line}: ${problem}`] : [];
      });
      expect(problems).toEqual([]);
      // Every `uses:` the YAML holds was seen line by line (none hidden in a flow mapping).
      expect(lines.length).toBe((text.match(/\buses:/g) ?? []).length);
    },
  );

  it('gives one action one commit and one version everywhere', () => {
    const seen = new Map<string, string>();
    const conflicts: string[] = [];
    for (const { name, text } of workflows) {
      for (const { ref, comment } of usesLines(text)) {
        const [action = '', sha = ''] = ref.split('@');
        const pinned = `${sha} ${comment}`;
        const earlier = seen.get(action);
        if (earlier !== undefined && earlier !== pinned) {
          conflicts.push(`${name}: ${action} at ${pinned}, elsewhere ${earlier}`);
        }
        seen.set(action, pinned);
      }
    }
    expect(conflicts).toEqual([]);
  });

  it.each(workflows.map((workflow) => [workflow.name, workflow.text]))(
    '%s grants no token scope by default and every job has permissions and a timeout',
    (name, text) => {
      const workflow = asWorkflow(parse(text), name);
      expect(workflow.permissions, `${name}: top-level permissions`).toEqual({});
      const problems = Object.entries(workflow.jobs).flatMap(([id, job]) => jobProblems(id, job));
      expect(problems).toEqual([]);
    },
  );

  it('runs what .ci/run runs (the README test command)', () => {
    const ci = workflows.find((workflow) => workflow.name === 'ci.yml');
    expect(ci?.text).toMatch(/^\s+run: \.ci\/run$/m);
    const ciRun = readFileSync(path.join(repoRoot, '.ci/run'), 'utf8');
    expect(ciRun).toContain('pnpm install && pnpm test');
  });

  it('container images in workflows are pinned by digest', () => {
    const images = workflows.flatMap(({ text }) =>
      [...text.matchAll(/^\s+image:\s*(\S+)$/gm)].map((match) => match[1] ?? ''),
    );
    for (const image of images) expect(image).toMatch(/@sha256:[0-9a-f]{64}$/);
  });
});

describe('the pin rule', () => {
  it('rejects tags, branches, short SHAs and a missing version comment', () => {
    const sha = '11bd71901bbe5b1630ceea73d27597364c9af683';
    expect(pinProblem({ ref: `actions/checkout@${sha}`, comment: 'v4.2.2' })).toBeNull();
    expect(pinProblem({ ref: 'actions/checkout@v4', comment: '' })).toMatch(/not pinned/);
    expect(pinProblem({ ref: 'actions/checkout@main', comment: 'v4.2.2' })).toMatch(/not pinned/);
    expect(pinProblem({ ref: 'actions/checkout@11bd719', comment: 'v4.2.2' })).toMatch(
      /not pinned/,
    );
    expect(pinProblem({ ref: `actions/checkout@${sha}`, comment: '' })).toMatch(/# vX\.Y\.Z/);
    expect(pinProblem({ ref: `actions/checkout@${sha}`, comment: 'v4' })).toMatch(/# vX\.Y\.Z/);
    expect(pinProblem({ ref: 'docker://alpine:3', comment: '' })).toMatch(/sha256/);
  });

  it('reads step-level and job-level uses with their comments', () => {
    const text = [
      'jobs:',
      '  scan:',
      '    uses: o/r/.github/workflows/x.yml@abc # v1.0.0',
      '  build:',
      '    steps:',
      "      - uses: 'a/b@v1'",
      '      - name: x',
      '        uses: c/d@main   #   v2.0.0',
    ].join('\n');
    expect(usesLines(text)).toEqual([
      { line: 3, ref: 'o/r/.github/workflows/x.yml@abc', comment: 'v1.0.0' },
      { line: 6, ref: 'a/b@v1', comment: '' },
      { line: 8, ref: 'c/d@main', comment: 'v2.0.0' },
    ]);
  });
});
