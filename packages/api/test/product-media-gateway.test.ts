import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoPassword } from '@shop/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useProductFiles } from '../src/cells/product/media-store';
import { createCellClient } from '../src/client';
import { localFolderStore } from '../src/files/local-folder-store';
import {
  productImageReadHandlers,
  productImageUploadHandlers,
} from '../src/gateway/product-media-routes';
import type { CellHost } from '../src/host';
import { sealSessionCookie } from './support/session-cookie';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';
import { jpeg as jpegBuffer } from './support/test-images';

/** The test JPEG as the bytes a Request body takes. */
const jpeg = async (width?: number, height?: number) =>
  new Uint8Array(await jpegBuffer(width, height));

// The admin's upload route in front of a real product cell, as the admin app mounts it.
const secret = 'product-media-gateway-test-secret-0123456789';
const credential = 'product-media-gateway-cell-credential-0123456789';
const adminOrigin = 'http://admin.test';
const cookieName = 'shop-admin.session-token';

let host: CellHost;
let folder: string;
let upload: ReturnType<typeof productImageUploadHandlers>['POST'];
let read: ReturnType<typeof productImageReadHandlers>['GET'];

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'shop-media-gateway-'));
  useProductFiles(localFolderStore(folder, 'product'));
  await seededTestDatabases();
  process.env.CELL_SERVICE_TOKEN = credential;
  process.env.NEXTAUTH_SECRET = secret;
  process.env.NEXTAUTH_URL = adminOrigin;
  host = await startTestHost(['auth', 'product']);
  process.env.AUTH_CELL_URL = host.url;
  process.env.PRODUCT_CELL_URL = host.url;
  ({ POST: upload } = productImageUploadHandlers({
    identity: { sessionCookieNames: [cookieName], audience: 'shop-admin' },
  }));
  ({ GET: read } = productImageReadHandlers());
});
afterAll(async () => {
  await stopTestHosts(host);
  useProductFiles(undefined);
  for (const name of [
    'CELL_SERVICE_TOKEN',
    'NEXTAUTH_SECRET',
    'NEXTAUTH_URL',
    'AUTH_CELL_URL',
    'PRODUCT_CELL_URL',
  ]) {
    delete process.env[name];
  }
  await rm(folder, { recursive: true, force: true });
});

/** The admin's session cookie of a demo account, as next-auth seals it. */
async function sessionOf(email: string): Promise<string> {
  const auth = createCellClient({
    urlFor: () => `${host.url}/trpc`,
    headers: () => ({ 'x-shop-cell-token': credential }),
  });
  const { accessToken } = await auth.auth.login.mutate({ email, password: demoPassword });
  const sealed = await sealSessionCookie({ sub: email, aud: 'shop-admin', accessToken }, secret);
  return `${cookieName}=${sealed}`;
}

const uploadRequest = (body: Uint8Array<ArrayBuffer>, headers: Record<string, string>) =>
  upload(
    new Request(`${adminOrigin}/api/media/product-images`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg', 'sec-fetch-site': 'same-origin', ...headers },
      body,
    }),
  );

async function storedImageCount(): Promise<number> {
  try {
    return (await readdir(path.join(folder, 'product', 'images'))).length;
  } catch {
    return 0; // nothing stored yet
  }
}

describe("the admin's upload route", () => {
  it("takes a catalog manager's photo from the admin's own page; both apps then serve it", async () => {
    const cookie = await sessionOf('catalog@example.com');
    const answer = await uploadRequest(await jpeg(1000, 750), { cookie });
    expect(answer.status).toBe(201);
    const { url } = (await answer.json()) as { url: string };
    expect(url).toMatch(/^\/media\/product\/[0-9a-f]{32}$/);

    const id = url.split('/').at(-1)!;
    const image = await read(new Request(`${adminOrigin}${url}?w=320`), {
      params: Promise.resolve({ id }),
    });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
    expect(image.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await image.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it('refuses another site or a sibling subdomain (403) and HTML-form bodies (415); nothing stored', async () => {
    const cookie = await sessionOf('catalog@example.com');
    const photo = await jpeg();
    const before = await storedImageCount();
    for (const site of ['same-site', 'cross-site']) {
      const answer = await uploadRequest(photo, { cookie, 'sec-fetch-site': site });
      expect(answer.status).toBe(403);
      expect(await answer.json()).toEqual({
        error: { message: 'Cross-origin requests are not accepted here' },
      });
    }
    // No Sec-Fetch-Site (an older browser): the Origin must be the admin's.
    const foreign = await upload(
      new Request(`${adminOrigin}/api/media/product-images`, {
        method: 'POST',
        headers: { 'content-type': 'image/jpeg', origin: 'http://evil.test', cookie },
        body: photo,
      }),
    );
    expect(foreign.status).toBe(403);
    const form = new FormData();
    form.set('file', new Blob([photo], { type: 'image/jpeg' }), 'photo.jpg');
    const formPost = await upload(
      new Request(`${adminOrigin}/api/media/product-images`, {
        method: 'POST',
        headers: { 'sec-fetch-site': 'same-origin', cookie },
        body: form,
      }),
    );
    expect(formPost.status).toBe(415);
    expect(await storedImageCount()).toBe(before);
  });

  it('without a session 401; an order manager 403 (the cell decides)', async () => {
    const photo = await jpeg();
    expect((await uploadRequest(photo, {})).status).toBe(401);
    const answer = await uploadRequest(photo, { cookie: await sessionOf('orders@example.com') });
    expect(answer.status).toBe(403);
    expect(await answer.json()).toEqual({
      error: { message: 'Requires the catalog:write permission' },
    });
  });

  it('refuses a declared size over 15 MB before forwarding anything', async () => {
    const answer = await uploadRequest(new Uint8Array(8), {
      cookie: await sessionOf('catalog@example.com'),
      'content-length': String(20 * 1024 * 1024),
    });
    expect(answer.status).toBe(413);
  });
});
