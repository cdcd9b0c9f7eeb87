import type { Permission } from '../../src/identity/permissions';
import { appRouter } from '../../src/router';
import type { Schema } from './zod-constraints';

/** One procedure as the fuzzer sees it: where it is, what it needs, and its input schema. */
export interface FuzzedProcedure {
  path: string;
  cell: string;
  type: 'query' | 'mutation';
  /** Signed in at all (`authedProcedure`); staff permission if any. */
  authenticated: boolean;
  permission: Permission | undefined;
  /** The `.input(...)` schema; undefined for procedures that take none. */
  input: Schema | undefined;
}

interface ProcedureDef {
  _def: {
    type: string;
    meta?: { authenticated?: boolean; permission?: Permission };
    inputs: Schema[];
  };
}

/**
 * Every procedure of every cell, read from the routers (the tRPC internal `_def.procedures`
 * that the host's fast path also relies on, checked at start by host/trpc-internals.ts): a
 * procedure added to a router is fuzzed without being listed anywhere.
 */
export function fuzzedProcedures(): FuzzedProcedure[] {
  // The router's flat map of procedures by path; its declared type is the nested router shape.
  const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;
  return Object.entries(procedures).map(([path, procedure]) => {
    const { type, meta, inputs } = procedure._def;
    if (type !== 'query' && type !== 'mutation') {
      throw new Error(`${path}: a ${type} procedure; teach the fuzzer how to call it`);
    }
    if (inputs.length > 1) {
      throw new Error(`${path}: ${inputs.length} chained inputs; teach the fuzzer to merge them`);
    }
    return {
      path,
      cell: path.split('.')[0] ?? path,
      type,
      authenticated: meta?.authenticated === true,
      permission: meta?.permission,
      input: inputs[0],
    };
  });
}
