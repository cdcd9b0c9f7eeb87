import { fileURLToPath } from 'node:url';

/** The monorepo's root: this file sits at tooling/delivery/src/. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
