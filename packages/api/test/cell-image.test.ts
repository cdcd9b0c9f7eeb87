import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundleEntry,
  buildCellImageFiles,
  cellHostNodeFlags,
  type CellImageFiles,
} from '../build/cell-image-files';
import { createCellClient } from '../src/client';
import { domains } from '../src/domains';
import { freePort } from './support/free-port';
import { bearer } from './support/http';
import { loginAs } from './support/login';
import { spawnHost, type SpawnedHost } from './support/spawn-host';
import { jpeg } from './support/test-images';
import { seedFileDatabases } from './support/seed-file-databases';

/**
 * What the cell image runs (infra/docker/cell.Dockerfile's runtime stage): the bundle and the
 * installed files it loads, built here exactly as the image build does, into a folder outside the
 * repository (so nothing resolves from the workspace's own node_modules), then run with all nine
 * cells against the test database and measured.
 */

/** The target for the whole image, uncompressed. */
const imageBudgetBytes = 250 * 1000 * 1000;
/**
 * The image's Debian 12 slim filesystem without Node's installers (npm, corepack, yarn: removed in
 * the Dockerfile). Published as about 75 MB for debian:bookworm-slim (amd64); no Docker engine
 * exists on these machines to measure it, so the budget rounds it up.
 */
const debianSlimBytes = 80 * 1000 * 1000;

/** Packages only development, tests or the apps need: never in the cell image. */
const forbidden =
  /node_modules\/(next|next-auth|@next|typescript|tsx|esbuild|@esbuild|vitest|playwright|@playwright|@push\.rocks|mongodb-memory-server[^/]*|@opentelemetry\/auto-instrumentations-node)\//;

let workDirectory: string;
let image: CellImageFiles;
let host: SpawnedHost | undefined;

beforeAll(async () => {
  workDirectory = mkdtempSync(join(tmpdir(), 'cell-image-'));
  image = await buildCellImageFiles(join(workDirectory, 'app'));
  await seedFileDatabases(); // the child inherits the prefix through MONGODB_DB_PREFIX
  // A fixed port, so the host's own cells (the upload route checks tokens with the auth cell's
  // keys) are found at the address it is given.
  const port = await freePort();
  host = await spawnHost(
    {
      CELLS: domains.join(','),
      PORT: String(port),
      SHOP_CELL_URL: `http://127.0.0.1:${port}`,
      FILES_LOCAL_DIR: join(workDirectory, 'files'),
      INNGEST_DEV: '1',
      INNGEST_BASE_URL: 'http://127.0.0.1:9',
    },
    { args: [...cellHostNodeFlags, bundleEntry], cwd: join(workDirectory, 'app') },
  );
}, 180_000);
afterAll(async () => {
  await host?.stop();
  if (workDirectory) rmSync(workDirectory, { recursive: true, force: true });
});

describe('the cell image', () => {
  it('fits the 250 MB budget with Node and the Debian base', () => {
    // The tests run on the Node release the image pins (the root devDependency `node`).
    const nodeBytes = statSync(process.execPath).size;
    const total = debianSlimBytes + nodeBytes + image.bytes;
    expect(
      total,
      `base ${debianSlimBytes} + node ${nodeBytes} + app ${image.bytes} bytes`,
    ).toBeLessThan(imageBudgetBytes);
  });

  it('carries nothing only development, tests or the apps need', () => {
    expect(image.files.filter((file) => forbidden.test(file))).toEqual([]);
  });

  it('serves all nine cells from the bundle', async () => {
    const client = createCellClient({ urlFor: () => `${host!.url}/trpc` });
    for (const domain of domains) {
      const response = await fetch(`${host!.url}/trpc/${domain}.status`);
      expect(response.status, domain).toBe(200);
    }
    // Reads through mongoose and the external mongodb driver.
    const { items } = await client.product.list.query({ pageSize: 5 });
    expect(items.length).toBeGreaterThan(0);
    // Search builds its index from the product cell in the same process.
    const found = await client.search.query.query({ q: items[0]!.name });
    expect(found.results.map((result) => result.slug)).toContain(items[0]!.slug);
    // Signing in checks the password with bcrypt's native addon, shipped outside the bundle.
    expect(await loginAs(host!.url, 'shopper@example.com')).toMatch(/^ey/);
  });

  it("processes an uploaded photo with sharp's native addon, shipped outside the bundle", async () => {
    const token = await loginAs(host!.url, 'catalog@example.com');
    const response = await fetch(`${host!.url}/media/product-images`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg', ...bearer(token) },
      body: new Uint8Array(await jpeg(1200, 900)),
    });
    expect(response.status, await response.clone().text()).toBe(201);
  });
});
