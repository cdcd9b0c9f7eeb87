import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './repo-root';

export const workflowDirectory = path.join(repoRoot, '.github', 'workflows');

export type WorkflowFile = { name: string; file: string; text: string };

/** Every workflow GitHub would run: .github/workflows/*.yml and *.yaml. */
export function workflowFiles(): WorkflowFile[] {
  return readdirSync(workflowDirectory)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => {
      const file = path.join(workflowDirectory, name);
      return { name, file, text: readFileSync(file, 'utf8') };
    });
}
