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
  const { cellClient, routeCellCallsTo } = await import('../src/cross-cell/cell-client');
  const { port } = silentCell.address() as AddressInfo;
  routeCellCallsTo(() => `http://127.0.0.1:${port}/trpc`);

  // Far longer than the 300 ms limit, far shorter than the 10 s default or undici's 300 s: a call
  // that hung would hit this race's other side and fail the test with a different message.
  const outcome = await Promise.race([
    cellClient()
      .product.list.query({})
      .then(
        () => 'answered',
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      ),
    new Promise<string>((resolve) => setTimeout(() => resolve('still waiting'), 5_000)),
  ]);
  expect(outcome).not.toBe('answered');
  expect(outcome).not.toBe('still waiting');
  expect(outcome).toMatch(/abort|timeout/i);
});
