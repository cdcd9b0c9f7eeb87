import { createRequire } from 'node:module';
import { getErrorShape, type AnyTRPCRouter } from '@trpc/server';

/**
 * The tRPC version trpc-fast-path.ts was written and tested against. It is pinned exactly in
 * pnpm-workspace.yaml's catalog; see packages/api/README.md ("tRPC internals").
 */
export const fastPathTrpcVersion = '11.22.1';

function installedTrpcVersion(): string {
  try {
    const pkg = createRequire(import.meta.url)('@trpc/server/package.json') as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * What trpc-fast-path.ts and procedure-chain.ts need that is not tRPC's public API; empty when all
 * is there.
 */
export function missingTrpcInternals(router: AnyTRPCRouter): string[] {
  const missing: string[] = [];
  if (typeof getErrorShape !== 'function') missing.push('`getErrorShape` export');
  // Read as unknown: the point is to check shapes the types promise but a new version may drop.
  const def = (router as { _def?: unknown })._def as
    { procedures?: unknown; _config?: unknown } | undefined;
  const procedures = def?.procedures;
  if (typeof procedures !== 'object' || procedures === null) {
    missing.push('`router._def.procedures`');
  } else {
    const procedure = Object.values(procedures)[0] as
      | (((...args: unknown[]) => unknown) & { _def?: { type?: unknown; middlewares?: unknown } })
      | undefined;
    if (procedure !== undefined && typeof procedure !== 'function')
      missing.push('procedures callable directly');
    if (procedure !== undefined && typeof procedure._def?.type !== 'string')
      missing.push('`procedure._def.type`');
    // procedure-chain.ts runs these itself, in order.
    const middlewares = procedure?._def?.middlewares;
    if (
      procedure !== undefined &&
      !(Array.isArray(middlewares) && middlewares.every((entry) => typeof entry === 'function'))
    )
      missing.push('`procedure._def.middlewares`');
  }
  if (typeof def?._config !== 'object' || def._config === null)
    missing.push('`router._def._config`');
  return missing;
}

/**
 * Run when a host builds its router: a tRPC upgrade that removed an internal the fast path uses
 * stops the host at start with a message naming the versions, instead of failing per request.
 */
export function assertTrpcInternals(router: AnyTRPCRouter): void {
  const missing = missingTrpcInternals(router);
  if (missing.length === 0) return;
  throw new Error(
    `The cell host's tRPC fast path (packages/api/src/host/trpc-fast-path.ts) uses tRPC internals ` +
      `that the installed @trpc/server ${installedTrpcVersion()} lacks: ${missing.join(', ')}. ` +
      `It was written against @trpc/server ${fastPathTrpcVersion} (pinned in pnpm-workspace.yaml's ` +
      `catalog): install that version, or adapt trpc-fast-path.ts until test/trpc-fast-path.test.ts passes.`,
  );
}
