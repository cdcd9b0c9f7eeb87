/**
 * The cell host process. Its whole environment is checked first (config/host.ts), before the
 * logger or any cell loads: a bad or missing variable stops it with one message listing every
 * problem, and in production a forgotten setting is such a problem, not a silent default.
 * Tracing starts next (when configured), before the cells and the MongoDB driver load, so the
 * driver is instrumented as it is required; without an OTLP endpoint its SDK is never loaded.
 */
import { exitOnConfigError } from '@shop/env';
import { hostConfig } from '../config/host';

const config = exitOnConfigError(hostConfig);
const { declareServiceName } = await import('../observability/service-name');
declareServiceName(hostServiceName(config.CELLS));
const { startProcessTracing } = await import('../observability/tracing');
const tracing = await startProcessTracing();
const { runCellHost } = await import('./run-cell-host');
await runCellHost(config, tracing);

/** `order` for a host of one cell, `order+payment` for several, `cells` for every cell. */
function hostServiceName(cells: typeof config.CELLS): string {
  if (!cells || cells === 'all') return 'cells';
  return cells.join('+');
}
