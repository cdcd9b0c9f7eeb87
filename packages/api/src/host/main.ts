/**
 * The cell host process. Its whole environment is checked first (config/host.ts), before the
 * logger or any cell loads: a bad or missing variable stops it with one message listing every
 * problem, and in production a forgotten setting is such a problem, not a silent default.
 */
import { exitOnConfigError } from '@shop/env';
import { hostConfig } from '../config/host';

const config = exitOnConfigError(hostConfig);
const { runCellHost } = await import('./run-cell-host');
await runCellHost(config);
