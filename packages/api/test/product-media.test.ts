import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCellClient } from '../src/client';
import { localFolderStore } from '../src/files/local-folder-store';
import { useProductFiles } from '../src/cells/product/media-store';
import type { CellHost } from '../src/host';
import { demoPassword } from '@shop/db/seed';
import { bearer, request } from './support/http';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';
import { hasGpsPosition, jpeg, phonePhotoWithGps, pngClaiming } from './support/test-images';

const credential = 'product-media-test-cell-credential-0123456789';
const internal = { 'x-shop-cell-token': credential };

let host: CellHost;
let folder: string;
const tokens: Record<'catalog' | 'orders' | 'analyst' | 'shopper', string> = {
  catalog: '',
  orders: '',
  analyst: '',
  shopper: '',
};

async function login(email: string): Promise<string> {
  const client = createCellClient({ urlFor: () => `${host.url}/trpc`, headers: () => internal });
  return (await client.auth.login.mutate({ email, password: demoPassword })).accessToken;
}

const clientAs = (token: string) =>
  createCellClient({
    urlFor: () => `${host.url}/trpc`,
    headers: () => ({ ...internal, ...bearer(token) }),
  });

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'shop-media-'));
  useProductFiles(localFolderStore(folder, 'product'));
  await seededTestDatabases();
  // The host and the upload route read the credential from the configuration, as in production.
  process.env.CELL_SERVICE_TOKEN = credential;
  host = await startTestHost(['auth', 'product']);
  // The upload route checks tokens against the auth cell's published keys, here on this host.
  process.env.AUTH_CELL_URL = host.url;
  for (const name of ['catalog', 'orders', 'analyst', 'shopper'] as const) {
    tokens[name] = await login(`${name}@example.com`);
  }
});
afterAll(async () => {
  await stopTestHosts(host);
  useProductFiles(undefined);
  delete process.env.CELL_SERVICE_TOKEN;
  delete process.env.AUTH_CELL_URL;
  await rm(folder, { recursive: true, force: true });
});

const upload = (bytes: Uint8Array, headers: Record<string, string>) =>
  request(`${host.url}/media/product-images`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', ...headers },
    body: bytes,
  });

const uploadAs = (token: string, bytes: Uint8Array) =>
  upload(bytes, { ...internal, ...bearer(token) });

async function storedImageCount(): Promise<number> {
  try {
    return (await readdir(path.join(folder, 'product', 'images'))).length;
  } catch {
    return 0; // nothing stored yet
  }
}

const readImage = async (url: string, width: number) => {
  const id = url.split('/').at(-1)!;
  const response = await fetch(`${host.url}/media/product-image?id=${id}&w=${width}`);
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
};

describe('product image upload: who may', () => {
  it('a catalog manager uploads; the answer is the image path and its size', async () => {
    const answer = await uploadAs(tokens.catalog, await jpeg(1200, 900));
    expect(answer.status).toBe(201);
    expect(answer.json).toEqual({
      url: expect.stringMatching(/^\/media\/product\/[0-9a-f]{32}$/),
      width: 1200,
      height: 900,
    });
  });

  it('an upload is a staff change: the audit log has who, the request and the image', async () => {
    const answer = await upload(await jpeg(800, 600), {
      ...internal,
      ...bearer(tokens.catalog),
      'x-request-id': 'media-audit-1',
      'x-forwarded-for': '203.0.113.9',
    });
    expect(answer.status).toBe(201);
    const { url } = answer.json as { url: string };
    const admin = clientAs(await login('admin@example.com'));
    const { items } = await admin.product.auditLog.query({ action: 'uploadImage' });
    expect(items[0]).toMatchObject({
      procedure: 'product.uploadImage',
      actor: { email: 'catalog@example.com' },
      roles: ['catalog_manager'],
      object: { type: 'product-image', ids: [url.split('/').at(-1)] },
      before: null,
      after: { url, width: 800, height: 600 },
      requestId: 'media-audit-1',
      clientAddress: '203.0.113.9',
    });
  });

  it('an order manager, an analyst (read only) and a shopper get 403; no token 401', async () => {
    const photo = await jpeg();
    const before = await storedImageCount();
    for (const token of [tokens.orders, tokens.analyst, tokens.shopper]) {
      const answer = await uploadAs(token, photo);
      expect(answer.status).toBe(403);
      expect(answer.json).toEqual({
        error: { message: 'Requires the catalog:write permission' },
      });
    }
    expect((await upload(photo, internal)).status).toBe(401);
    expect(await storedImageCount()).toBe(before);
  });

  it('only the platform itself may call it: without the internal credential, 401', async () => {
    const answer = await upload(await jpeg(), bearer(tokens.catalog));
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ error: { message: 'Uploads come through the admin app only.' } });
  });

  it('anyone reads a stored image (analysts included): WebP, cacheable for good', async () => {
    const { json } = await uploadAs(tokens.catalog, await jpeg(1200, 900));
    const { url } = json as { url: string };
    const { response, bytes } = await readImage(url, 500);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // The nearest stored width above 500.
    expect((await sharp(bytes).metadata()).width).toBe(640);
    expect((await fetch(`${host.url}/media/product-image?id=${'0'.repeat(32)}&w=640`)).status).toBe(
      404,
    );
    expect((await fetch(`${host.url}/media/product-image?id=../../etc&w=640`)).status).toBe(400);
  });
});

describe('product image upload: bad files are refused and nothing is stored', () => {
  it('a text file named .jpg and sent as image/jpeg: 415', async () => {
    const before = await storedImageCount();
    const answer = await uploadAs(tokens.catalog, new TextEncoder().encode('just some text\n'));
    expect(answer.status).toBe(415);
    expect(answer.json).toEqual({
      error: {
        message:
          'This file is not a JPEG, PNG or WebP image (its contents were checked, not its name).',
      },
    });
    expect(await storedImageCount()).toBe(before);
  });

  it('a JPEG cut off half way: 415', async () => {
    const whole = await jpeg(1000, 800);
    const answer = await uploadAs(tokens.catalog, whole.subarray(0, whole.length / 2));
    expect(answer.status).toBe(415);
    expect(answer.json).toEqual({
      error: { message: 'This image is damaged or incomplete and cannot be read.' },
    });
  });

  it('a file over 15 MB: 413', async () => {
    const before = await storedImageCount();
    const huge = Buffer.alloc(15 * 1024 * 1024 + 1);
    (await jpeg()).copy(huge);
    const answer = await uploadAs(tokens.catalog, huge);
    expect(answer.status).toBe(413);
    expect(answer.json).toEqual({
      error: { message: 'The file is larger than 15 MB; use a smaller photo.' },
    });
    expect(await storedImageCount()).toBe(before);
  });

  it('a small file declaring 10,000 x 10,000 pixels: 413 before anything is decoded', async () => {
    const before = await storedImageCount();
    const answer = await uploadAs(tokens.catalog, await pngClaiming(10_000, 10_000));
    expect(answer.status).toBe(413);
    expect(answer.json).toEqual({
      error: {
        message: 'The picture is 10000 x 10000 pixels; at most 40 megapixels are accepted.',
      },
    });
    expect(await storedImageCount()).toBe(before);
  });
});

describe('product image upload: what is stored', () => {
  it('drops EXIF (GPS position, camera) and turns the picture upright', async () => {
    const photo = await phonePhotoWithGps();
    const original = await sharp(photo).metadata();
    // The input really has them.
    expect(original.exif?.includes('TestPhone')).toBe(true);
    expect(hasGpsPosition(original.exif)).toBe(true);
    expect(original.orientation).toBe(6);

    const answer = await uploadAs(tokens.catalog, photo);
    expect(answer.status).toBe(201);
    // Stored 800 x 600 sideways; shown upright it is 600 wide.
    expect(answer.json).toMatchObject({ width: 600, height: 800 });
    for (const width of [320, 640, 960, 1600]) {
      const { bytes } = await readImage((answer.json as { url: string }).url, width);
      const stored = await sharp(bytes).metadata();
      expect(stored.exif).toBeUndefined();
      expect(stored.xmp).toBeUndefined();
      expect(stored.orientation).toBeUndefined();
      expect(bytes.includes('TestPhone')).toBe(false);
      expect(stored.height! > stored.width!).toBe(true); // upright
    }
  });
});

describe('product images on a product: order, alt text and the publish rule', () => {
  it('a draft keeps images without alt text; publishing needs it; the order is kept', async () => {
    const staff = clientAs(tokens.catalog);
    const [first, second] = await Promise.all(
      ['#111111', '#eeeeee'].map(async (colour) => {
        const answer = await uploadAs(tokens.catalog, await jpeg(900, 900, colour));
        return (answer.json as { url: string }).url;
      }),
    );
    const draft = await staff.product.create.mutate({
      slug: 'media-test-vase',
      name: 'Media Test Vase',
      brand: 'Claywork',
      description: 'A stoneware vase, thrown by hand and glazed in two colours.',
      categorySlugs: ['decor'],
      images: [
        { url: first!, alt: '' },
        { url: second!, alt: '' },
      ],
      variants: [{ sku: 'MEDIA-VASE', priceMinor: 4500, onHand: 3 }],
    });
    expect(draft.status).toBe('draft');

    const refused = await request(`${host.url}/trpc/product.update`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...internal, ...bearer(tokens.catalog) },
      body: JSON.stringify({ id: draft.id, changes: { status: 'active' } }),
    });
    expect(refused.status).toBe(400);
    const issues = (refused.json as { error: { data: { issues: { path: string }[] } } }).error.data
      .issues;
    expect(issues.map((issue) => issue.path)).toEqual(['images.0.alt', 'images.1.alt']);

    // Reordered (the light one first) and described: now it publishes.
    const published = await staff.product.update.mutate({
      id: draft.id,
      changes: {
        status: 'active',
        images: [
          { url: second!, alt: 'The vase in white glaze' },
          { url: first!, alt: 'The vase in black glaze' },
        ],
      },
    });
    expect(published.status).toBe('active');
    const page = await clientAs(tokens.shopper).product.bySlug.query({ slug: 'media-test-vase' });
    expect(page.images).toEqual([
      { url: second, alt: 'The vase in white glaze' },
      { url: first, alt: 'The vase in black glaze' },
    ]);
  });
});
