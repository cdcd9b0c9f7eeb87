import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { checkCongoModule, loadCongo, pinnedSmartmongoVersion } from '../src/mongo/congo-module';

/**
 * The in-memory stand-in is a deep import of @push.rocks/smartmongo (not a public entry point).
 * As with tRPC's internals (packages/api/test/trpc-internals.test.ts), the pinned version must be
 * the one installed, and an upgrade that moved an export must stop with a message saying what is
 * missing and which versions are involved, not a TypeError in the middle of a test run.
 */
describe('the in-memory stand-in deep import', () => {
  it('is pinned exactly in the pnpm catalog, at the version the code names and installs', () => {
    const workspace = readFileSync(
      new URL('../../../pnpm-workspace.yaml', import.meta.url),
      'utf8',
    );
    expect(workspace).toContain(`'@push.rocks/smartmongo': ${pinnedSmartmongoVersion}\n`);
    const installed = createRequire(import.meta.url)('@push.rocks/smartmongo/package.json') as {
      version: string;
    };
    expect(installed.version).toBe(pinnedSmartmongoVersion);
  });

  it('finds every export it uses in the installed version', async () => {
    const congo = await loadCongo();
    expect(typeof congo.CongoServer).toBe('function');
    expect(typeof congo.EJSON.parse).toBe('function');
  });

  it('names what is missing and both versions when an upgrade moved an export', () => {
    expect(() => checkCongoModule({})).toThrow(
      new RegExp(
        `needs the \`CongoServer\` export from @push\\.rocks/smartmongo/dist_ts/congodb/index\\.js, which the installed @push\\.rocks/smartmongo ${pinnedSmartmongoVersion.replaceAll('.', '\\.')} lacks\\. It was written against ${pinnedSmartmongoVersion.replaceAll('.', '\\.')}`,
      ),
    );
    const withoutEjson = { CongoServer: class {} } as unknown as Parameters<
      typeof checkCongoModule
    >[0];
    expect(() => checkCongoModule(withoutEjson)).toThrow(/the `plugins\.bson\.EJSON` export/);
    const withoutQueryEngine = {
      CongoServer: class {},
      plugins: { bson: { EJSON: { parse: () => ({}), stringify: () => '' } } },
    } as unknown as Parameters<typeof checkCongoModule>[0];
    expect(() => checkCongoModule(withoutQueryEngine)).toThrow(/the `QueryEngine\.filter` export/);
  });
});
