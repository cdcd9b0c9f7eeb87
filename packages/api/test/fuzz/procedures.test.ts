import fc from 'fast-check';
import { databaseDomains, type DatabaseDomain } from '@shop/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellHost } from '../../src/host';
import { loginAs } from '../support/login';
import { startTestHost, stopTestHosts } from '../support/test-host';
import { smallSeededDatabases } from './small-seed';
import { changedCollections, digestDatabases, type DatabaseDigest } from './database-digest';
import { fuzzOnly, fuzzRuns, replayHint, seedFor } from './fuzz-settings';
import {
  callProcedure,
  describeCall,
  problemsOf,
  type Caller,
  type FuzzResponse,
} from './procedure-calls';
import { fuzzedProcedures, type FuzzedProcedure } from './procedure-list';
import { arbitrariesFor } from './zod-arbitraries';
import { acceptsInput } from './zod-constraints';

/**
 * Every procedure of every cell, over real HTTP through one host of all cells, fed values from
 * its own zod input schema (test/fuzz/zod-arbitraries.ts) as anonymous, a shopper and an admin.
 * First every refusal (input zod refuses, a caller without the right): each is a tRPC 4xx with a
 * message, and the cell databases are unchanged after each procedure's refusals. Then accepted
 * input of every kind (valid, boundary, invalid once more, which zod may accept when it strips
 * an extra key): anything but a 5xx or a stack trace.
 */

const all = fuzzedProcedures();
const procedures = all.filter((procedure) => procedure.path.includes(fuzzOnly));

/**
 * Procedures whose accepted calls end the callers' own sessions or rights, fuzzed last so the
 * other procedures are called with live tokens (their refusals are fuzzed in order like any).
 */
const endsSessions = new Set([
  'auth.logoutEverywhere',
  'auth.deleteAccount',
  'auth.setRoles',
  'auth.changePassword',
  'auth.rotateSigningKey',
]);

let host: CellHost;
let callers: Record<Caller['name'], Caller>;

beforeAll(async () => {
  await smallSeededDatabases();
  host = await startTestHost('all');
  const [shopper, staff] = await Promise.all([
    loginAs(host.url, 'shopper@example.com'),
    loginAs(host.url, 'admin@example.com'),
  ]);
  callers = {
    anonymous: { name: 'anonymous', token: undefined },
    shopper: { name: 'shopper', token: shopper },
    staff: { name: 'staff', token: staff },
  };
}, 120_000);
afterAll(() => stopTestHosts(host));

/** The callers that get past the procedure's sign-in and permission checks. */
function permittedCallers(procedure: FuzzedProcedure): Caller[] {
  if (procedure.permission) return [callers.staff];
  if (procedure.authenticated) return [callers.shopper, callers.staff];
  return Object.values(callers);
}

async function call(procedure: FuzzedProcedure, input: unknown, caller: Caller) {
  const response = await callProcedure(host.url, procedure, input, caller);
  return { response, line: describeCall(procedure, caller, input, response) };
}

function expectSound(response: FuzzResponse, line: string, path: string): void {
  expect(problemsOf(response), `${line}\n${replayHint(path)}`).toEqual([]);
}

function isDatabaseDomain(cell: string): cell is DatabaseDomain {
  return (databaseDomains as readonly string[]).includes(cell);
}

/** The error code tRPC put in a refusal. */
function codeOf(response: FuzzResponse): unknown {
  return (response.json as { error?: { data?: { code?: unknown } } } | undefined)?.error?.data
    ?.code;
}

describe('the fuzzer finds every procedure', () => {
  it('of every cell, from the routers', () => {
    const cells = new Set(all.map((procedure) => procedure.cell));
    expect([...cells].sort()).toEqual(
      [
        'analytics',
        'auth',
        'notification',
        'order',
        'payment',
        'product',
        'review',
        'search',
        'user',
      ].sort(),
    );
    expect(all.length).toBeGreaterThan(150);
  });
});

describe('refused calls answer 4xx and change nothing', () => {
  // Each procedure's refusals against its own cell's database (cheap), and every database
  // before and after all of them (a refusal changing another cell's data).
  let everyDatabase: DatabaseDigest;
  beforeAll(async () => {
    everyDatabase = await digestDatabases();
  });

  it.each(procedures.map((procedure) => [procedure.path, procedure] as const))(
    '%s',
    async (path, procedure) => {
      const ownDatabase = isDatabaseDomain(procedure.cell) ? [procedure.cell] : [];
      const before = await digestDatabases(ownDatabase);
      const schema = procedure.input;
      if (schema) {
        const { invalid } = arbitrariesFor(schema);
        const isRefused = (input: unknown) => acceptsInput(schema, input) === false;
        // A schema that takes nearly anything (z.unknown()) has no refusals to fuzz.
        const refusable = fc.sample(invalid, { numRuns: 20, seed: 1 }).some(isRefused);
        // Staff gets past every permission check, so zod is what refuses. Not a filter on the
        // arbitrary: fc.pre bounds the retries where a filter could spin.
        if (refusable)
          await fc.assert(
            fc.asyncProperty(invalid, async (input) => {
              fc.pre(isRefused(input));
              const { response, line } = await call(procedure, input, callers.staff);
              expectSound(response, line, path);
              // 413/431: the host or Node refused the size before tRPC parsed anything.
              expect([400, 413, 431], line).toContain(response.status);
              if (response.status === 400) expect(codeOf(response), line).toBe('BAD_REQUEST');
            }),
            { seed: seedFor(path, 'refused'), numRuns: fuzzRuns },
          );
      }
      // Callers without the right, with an input zod accepts: 401 or 403 before anything runs.
      const valid = schema ? fc.sample(arbitrariesFor(schema).valid, { numRuns: 1, seed: 1 }) : [];
      const input = valid[0];
      const outsiders = Object.values(callers).filter(
        (caller) => !permittedCallers(procedure).includes(caller),
      );
      for (const caller of outsiders) {
        const { response, line } = await call(procedure, input, caller);
        expectSound(response, line, path);
        expect(response.status, line).toBe(caller.token ? 403 : 401);
      }

      const changed = changedCollections(before, await digestDatabases(ownDatabase));
      expect(changed, `refused calls of ${path} changed these collections`).toEqual([]);
    },
  );

  it("and no other cell's database either", async () => {
    expect(changedCollections(everyDatabase, await digestDatabases())).toEqual([]);
  });
});

describe('accepted input never meets a 5xx or a stack trace', () => {
  const ordered = [
    ...procedures.filter((procedure) => !endsSessions.has(procedure.path)),
    ...procedures.filter((procedure) => endsSessions.has(procedure.path)),
  ];

  it.each(ordered.map((procedure) => [procedure.path, procedure] as const))(
    '%s',
    async (path, procedure) => {
      const schema = procedure.input;
      const inputs = schema
        ? (() => {
            const { valid, boundary, invalid } = arbitrariesFor(schema);
            return fc.oneof(
              { weight: 3, arbitrary: valid },
              { weight: 2, arbitrary: boundary },
              {
                weight: 1,
                arbitrary: invalid,
              },
            );
          })()
        : fc.constant(undefined);
      await fc.assert(
        fc.asyncProperty(
          inputs,
          fc.constantFrom(...permittedCallers(procedure)),
          async (input, caller) => {
            const { response, line } = await call(procedure, input, caller);
            expectSound(response, line, path);
          },
        ),
        { seed: seedFor(path, 'accepted'), numRuns: fuzzRuns },
      );
    },
  );
});
