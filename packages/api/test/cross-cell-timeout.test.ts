import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';

// A cell that accepts connections and never answers.
let silentCell: Server;

beforeAll(async () => {
  silentCell = createServer(() => undefined);
  await new Promise<void>((resolve) => silentCell.listen(0, '127.0.0.1', resolve));
});
afterAll(() => {
  silentCell?.closeAllConnections();
  silentCell?.close();
});

it('a cell that never answers makes its caller fail, not hang', async () => {
  // Read once when the module loads, as in a deployed cell.
  process.env.CROSS_CELL_TIMEOUT_MS = '300';
  const { cellClient, crossCellTimeoutMs, routeCellCallsTo } =
    await import('../src/cross-cell/cell-client');
  expect(crossCellTimeoutMs).toBe(300);
  const { port } = silentCell.address() as AddressInfo;
  routeCellCallsTo(() => `http://127.0.0.1:${port}/trpc`);

  // The silent cell never answers, so only the client's own limit can end the call: a call that
  // hung would run into this test's timeout instead. No clock is read here.
  const outcome = await cellClient()
    .product.list.query({})
    .then(
      () => 'answered',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
  expect(outcome).toMatch(/abort|timeout/i);
});
