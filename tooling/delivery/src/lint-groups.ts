import { existsSync } from 'node:fs';
import path from 'node:path';

const lintable = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/**
 * Staged source files grouped by the workspace package whose eslint.config.js governs them
 * (the nearest one above the file, up to the checkout's root), with paths relative to that
 * package: each package's config and plugins apply, as in its own `lint` script, and only the
 * changed files are linted.
 */
export function lintGroups(root: string, files: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const file of files) {
    if (!lintable.test(file)) continue;
    let directory = path.dirname(path.join(root, file));
    while (directory !== root && !existsSync(path.join(directory, 'eslint.config.js'))) {
      const parent = path.dirname(directory);
      if (parent === directory) break;
      directory = parent;
    }
    if (!existsSync(path.join(directory, 'eslint.config.js'))) continue;
    const group = groups.get(directory) ?? [];
    group.push(path.relative(directory, path.join(root, file)));
    groups.set(directory, group);
  }
  return groups;
}
