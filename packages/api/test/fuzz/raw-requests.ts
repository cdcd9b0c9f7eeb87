import fc from 'fast-check';
import { deeplyNested, trickyStrings } from './hostile-values';

/** One HTTP request as the fuzzer builds it: anything a client can put on the wire. */
export interface RawRequest {
  method: string;
  path: string;
  query: string;
  contentType: string | undefined;
  body: string | Uint8Array | undefined;
  authorization: string | undefined;
  internal: boolean;
}

const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND'];

const contentTypes = [
  undefined,
  'application/json',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'image/png',
  'application/octet-stream',
  ';;;',
];

const bodies: fc.Arbitrary<string | Uint8Array | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(''),
  fc.constantFrom('{', '{"a":', 'null', '[]', '"x"', '1e309', 'NaN', '{"__proto__":{"x":1}}'),
  fc.constant(JSON.stringify({ events: [{ type: 'bounce', email: 'a@b.c' }] })),
  // 5,000 levels deep, written as text (JSON.stringify itself would overflow the stack).
  fc.constant(`${'{"a":['.repeat(5_000)}1${']}'.repeat(5_000)}`),
  fc.constant(JSON.stringify(deeplyNested(200))),
  fc.json({ maxDepth: 3 }),
  fc.uint8Array({ maxLength: 256 }),
  // Over the 1 MiB limits of the JSON and upload routes.
  fc.constant('x'.repeat(1_200_000)),
  // A PNG signature and nothing after it: a truncated image.
  fc.constant(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
);

const queries: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    '?id=',
    '?id=%zz',
    '?id=0123456789abcdef0123456789abcdef&w=640',
    '?id=0123456789abcdef0123456789abcdef&w=-1',
    '?id=0123456789abcdef0123456789abcdef&w=1e400',
    '?id[]=1&id[]=2',
    '?input=%7B',
    '?batch=1&input=%7B%220%22%3Anull%7D',
    `?token=${'a'.repeat(5_000)}`,
  ),
  fc
    .dictionary(
      fc.constantFrom('id', 'w', 'token', 'input', 'batch'),
      fc.constantFrom(...trickyStrings),
    )
    .map((params) => `?${new URLSearchParams(params).toString()}`),
);

/** Requests to `paths` (and near misses of them) with every part possibly wrong. */
export function rawRequests(paths: readonly string[]): fc.Arbitrary<RawRequest> {
  const path = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...paths) },
    { weight: 1, arbitrary: fc.constantFrom(...paths).map((known) => `${known}/`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '/trpc/%E0%A4%A',
        '/trpc/',
        '/trpc/a.b.c',
        '/..%2f..%2fetc',
        '/api/inngest/nope',
      ),
    },
  );
  return fc.record({
    method: fc.constantFrom(...methods),
    path,
    query: queries,
    contentType: fc.constantFrom(...contentTypes),
    body: bodies,
    authorization: fc.constantFrom(
      undefined,
      'Bearer ',
      'Bearer x.y.z',
      'Basic Og==',
      'Bearer ' + 'a'.repeat(40),
    ),
    internal: fc.boolean(),
  });
}
