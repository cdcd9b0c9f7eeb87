import type { AnyTRPCProcedure } from '@trpc/server';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentSigningKey } from '../src/cells/auth/signing-keys';
import type { CellHost } from '../src/host';
import { signAccessToken } from '../src/identity/access-token';
import { rolePermissions, roles, type Role } from '../src/identity/permissions';
import { appRouter } from '../src/router';
import type { ProcedureMeta } from '../src/trpc/procedure-meta';
import { dataOf, errorOf, mutate, query } from './support/auth-calls';
import { loginAs } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

let host: CellHost;

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost('all');
});
afterAll(() => stopTestHosts(host));

/** Every procedure of every cell that declares a permission, read from the router itself. */
const protectedProcedures = Object.entries(
  // Typed as the nested router record; at run time it is flat, keyed by full path.
  appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>,
)
  .map(([path, procedure]) => ({
    path,
    type: procedure._def.type,
    meta: procedure._def.meta as ProcedureMeta | undefined,
  }))
  .filter((entry) => entry.type !== 'subscription');

const permissionGuarded = protectedProcedures.filter((entry) => entry.meta?.permission);
const authenticated = protectedProcedures.filter((entry) => entry.meta?.authenticated);

async function tokenFor(role: Role): Promise<string> {
  const { accessToken } = await signAccessToken(await currentSigningKey(), {
    accountId: new Types.ObjectId().toHexString(),
    email: `${role}@roles.test`,
    roles: [role],
  });
  return accessToken;
}

function call(path: string, type: string, token?: string) {
  return type === 'query'
    ? query(host.url, path, undefined, { token })
    : mutate(host.url, path, undefined, { token });
}

describe('every role against every permission-guarded procedure', () => {
  it('finds the guarded procedures (the table grows with them)', () => {
    expect(permissionGuarded.map((entry) => entry.path)).toEqual(
      expect.arrayContaining([
        'auth.listStaff',
        'auth.setRoles',
        'auth.rotateSigningKey',
        'analytics.summary',
      ]),
    );
  });

  const cases = permissionGuarded.flatMap((entry) =>
    roles.map((role) => ({
      ...entry,
      role,
      allowed: rolePermissions[role].includes(entry.meta!.permission!),
    })),
  );
  // rotateSigningKey with no input really rotates: harmless here (its key activates later).
  it.each(cases)(
    '$role on $path ($meta.permission): allowed=$allowed',
    async ({ path, type, role, allowed }) => {
      const response = await call(path, type, await tokenFor(role));
      if (allowed) {
        // Past the guard: the answer is the procedure's own (a result, or 400 for no input).
        expect([401, 403]).not.toContain(response.status);
      } else {
        expect(response.status, response.text).toBe(403);
      }
    },
  );

  it.each(authenticated.map((entry) => ({ path: entry.path, type: entry.type })))(
    '$path answers 401 without a token',
    async ({ path, type }) => {
      expect((await call(path, type)).status).toBe(401);
    },
  );
});

describe('staff management', () => {
  it('admin gets inventory:reserve and accounts:manage through having every permission', () => {
    expect(rolePermissions.admin).toEqual(
      expect.arrayContaining(['inventory:reserve', 'accounts:manage']),
    );
    expect(rolePermissions.customer).toEqual([]);
  });

  it('lists staff and changes roles; an admin cannot drop their own admin role', async () => {
    const admin = await loginAs(host.url, 'admin@example.com');
    const listed = dataOf<{
      items: { id: string; email: string; roles: string[] }[];
      total: number;
    }>(await query(host.url, 'auth.listStaff', undefined, { token: admin }));
    const emails = listed.items.map((item) => item.email);
    expect(emails).toEqual(expect.arrayContaining(['admin@example.com', 'support@example.com']));
    expect(emails).not.toContain('shopper@example.com');

    const support = listed.items.find((item) => item.email === 'support@example.com')!;
    const changed = await mutate(
      host.url,
      'auth.setRoles',
      { accountId: support.id, roles: ['support', 'analyst'] },
      { token: admin },
    );
    expect(dataOf(changed)).toMatchObject({ roles: ['support', 'analyst'] });

    const self = listed.items.find((item) => item.email === 'admin@example.com')!;
    const demote = await mutate(
      host.url,
      'auth.setRoles',
      { accountId: self.id, roles: ['support'] },
      { token: admin },
    );
    expect(demote.status).toBe(400);
    expect(errorOf(demote).message).toBe('You cannot remove your own admin role');

    for (const input of [
      { accountId: { $gt: '' }, roles: ['admin'] },
      { accountId: support.id, roles: ['superuser'] },
      { accountId: support.id, roles: [] },
      { accountId: 'not-an-id', roles: ['support'] },
    ]) {
      expect((await mutate(host.url, 'auth.setRoles', input, { token: admin })).status).toBe(400);
    }
    const missing = await mutate(
      host.url,
      'auth.setRoles',
      { accountId: new Types.ObjectId().toHexString(), roles: ['support'] },
      { token: admin },
    );
    expect(missing.status).toBe(404);
  });
});
