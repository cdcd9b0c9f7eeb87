import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('../src', import.meta.url));

/** Module specifiers a file loads at runtime: `import type` / `export type` are erased. */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const statements = source.match(/^(?:import|export)\b[^;]*?from\s+'[^']+'|^import\s+'[^']+'/gms);
  return (statements ?? [])
    .filter((statement) => !/^(?:import|export)\s+type\b/.test(statement))
    .map((statement) => /'([^']+)'$/.exec(statement)![1]!);
}

function resolveLocal(from: string, specifier: string): string {
  const base = join(dirname(from), specifier);
  const file = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`cannot resolve ${specifier} from ${from}`);
  return file;
}

/** Every local file and package `@shop/api/client` loads at runtime, following relative imports. */
function runtimeGraph(entry: string) {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of runtimeImports(file)) {
      if (specifier.startsWith('.')) visit(resolveLocal(file, specifier));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return { files: [...files].map((file) => relative(srcDir, file)), packages: [...packages] };
}

it('the client entry point loads no server code at runtime (safe for browser bundles)', () => {
  const { files, packages } = runtimeGraph(join(srcDir, 'client/index.ts'));
  expect(files).toContain('domains.ts');
  expect(files.filter((file) => !file.startsWith('client/') && file !== 'domains.ts')).toEqual([]);
  expect(packages.sort()).toEqual(['@trpc/client', '@trpc/server/observable']);
});
