import type { AnyTRPCRouter } from '@trpc/server';
import { expect, it } from 'vitest';
import { assertTrpcInternals, missingTrpcInternals } from '../src/host/trpc-internals';
import { router } from '../src/trpc/init';
import { publicProcedure } from '../src/trpc/procedures';

const sample = router({ product: router({ status: publicProcedure.query(() => 'ok') }) });

it('finds every tRPC internal the fast path uses in the pinned version', () => {
  expect(missingTrpcInternals(sample)).toEqual([]);
  expect(() => assertTrpcInternals(sample)).not.toThrow();
});

it('names what is missing and both versions when an upgrade removed an internal', () => {
  // A router as a future tRPC might shape it: procedures elsewhere, no `_config`.
  const changed = { _def: { record: sample._def.record } } as unknown as AnyTRPCRouter;
  expect(missingTrpcInternals(changed)).toEqual([
    '`router._def.procedures`',
    '`router._def._config`',
  ]);
  expect(() => assertTrpcInternals(changed)).toThrow(
    /installed @trpc\/server 11\.22\.1 lacks: `router\._def\.procedures`, `router\._def\._config`\. It was written against @trpc\/server 11\.22\.1/,
  );
});

it("names a procedure's middleware list when it is not where the direct path reads it", () => {
  // A procedure as a future tRPC might shape it: callable, typed, its middlewares elsewhere.
  const procedure = Object.assign(() => Promise.resolve('ok'), { _def: { type: 'query' } });
  const changed = {
    _def: { procedures: { 'product.status': procedure }, _config: {} },
  } as unknown as AnyTRPCRouter;
  expect(missingTrpcInternals(changed)).toEqual(['`procedure._def.middlewares`']);
});
