export { createCellHost, type CellHost, type CellHostOptions } from './create-cell-host';
export { hostedCellsFromEnv } from './hosted-cells-from-env';
