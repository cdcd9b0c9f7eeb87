import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NonRetriableError } from 'inngest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postTags, tagsFor } from '../src/cells/product/functions/revalidate-storefront';

interface Received {
  authorization: string | undefined;
  body: unknown;
}

// A stand-in for the storefront's /api/revalidate: records what it was sent, answers `status`.
let status = 200;
const received: Received[] = [];
const server = createServer((request: IncomingMessage, response) => {
  let text = '';
  request.on('data', (chunk: Buffer) => (text += chunk.toString()));
  request.on('end', () => {
    received.push({ authorization: request.headers.authorization, body: JSON.parse(text) });
    response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
  });
});
let url = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/revalidate`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('revalidate-storefront', () => {
  it("expires a product's own page, or a category's page and the tree", () => {
    expect(tagsFor('product/product.updated', 'oak-table')).toEqual(['product:oak-table']);
    expect(tagsFor('product/product.archived', 'oak-table')).toEqual(['product:oak-table']);
    expect(tagsFor('product/category.updated', 'lighting')).toEqual([
      'category:lighting',
      'categories',
    ]);
  });

  it('posts the tags with the shared secret as a bearer token', async () => {
    status = 200;
    await postTags({ url, secret: 's3cret' }, ['product:oak-table']);
    expect(received.at(-1)).toEqual({
      authorization: 'Bearer s3cret',
      body: { tags: ['product:oak-table'] },
    });
  });

  it('gives up at once on a refused secret, and lets Inngest retry when the storefront is down', async () => {
    status = 401;
    await expect(postTags({ url, secret: 'wrong' }, ['listings'])).rejects.toBeInstanceOf(
      NonRetriableError,
    );
    status = 503;
    const failure = postTags({ url, secret: 's3cret' }, ['listings']);
    await expect(failure).rejects.toThrow('503');
    await expect(failure).rejects.not.toBeInstanceOf(NonRetriableError);
  });
});
