import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the monorepo root (this file lives in tooling/stack/src). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const fromRoot = (...segments: string[]): string => resolve(repoRoot, ...segments);
