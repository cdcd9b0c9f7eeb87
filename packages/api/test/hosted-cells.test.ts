import { expect, it } from 'vitest';
import { hostedCellsFromEnv } from '../src/host/hosted-cells-from-env';

it('reads CELLS as all (default) or a comma-separated list, refusing unknown names', () => {
  expect(hostedCellsFromEnv(undefined)).toBe('all');
  expect(hostedCellsFromEnv('all')).toBe('all');
  expect(hostedCellsFromEnv(' product, search ')).toEqual(['product', 'search']);
  expect(() => hostedCellsFromEnv('product,inventory')).toThrow(/unknown cells: inventory/);
});
