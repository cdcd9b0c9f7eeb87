import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { domains, type Domain } from '../src/domains';

/**
 * A host loads only the code of the cells it hosts (docs/architecture.md § "Cell layout",
 * docs/benchmarks.md: a one-cell host holds about 150 MiB instead of 230). What makes it so is
 * that nothing the host loads imports a cell statically: the registry imports each cell's
 * index.ts only when asked for it. One `import { appRouter } from '../router'` (or from
 * src/index.ts, which re-exports it) in host code would load all nine again without any test
 * failing, so this follows the host's imports from its entry and from the hosted cell's index.ts,
 * as Node would load them, and names the chain to any other cell's code it reaches.
 */

const srcRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
const cellsRoot = join(srcRoot, 'cells');
const hostEntry = join(srcRoot, 'host/main.ts');
/** Its `import('./<domain>/index')` loaders run only for the hosted cells (loadCells). */
const registry = join(cellsRoot, 'registry.ts');

function resolveModule(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined; // packages: none of them import @shop/api
  const base = resolve(dirname(from), specifier.replace(/\.js$/, ''));
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((path) => existsSync(path));
}

/** The modules a file loads at run time: static imports and re-exports that are not type-only,
 * and dynamic imports (except the registry's per-cell loaders). */
function runtimeImports(path: string): string[] {
  const source = ts.createSourceFile(
    path,
    readFileSync(path, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const onlyTypes =
        clause?.isTypeOnly === true ||
        (clause !== undefined &&
          clause.name === undefined &&
          clause.namedBindings !== undefined &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((element) => element.isTypeOnly));
      if (!onlyTypes) specifiers.push(statement.moduleSpecifier.text);
    }
    if (
      ts.isExportDeclaration(statement) &&
      !statement.isTypeOnly &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      specifiers.push(statement.moduleSpecifier.text);
    }
  }
  if (path !== registry) {
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        specifiers.push(node.arguments[0].text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return specifiers.flatMap((specifier) => resolveModule(path, specifier) ?? []);
}

/** The cell a module belongs to, if any, and its path inside the cell. */
function cellOf(path: string): { cell: string; module: string } | undefined {
  const inside = relative(cellsRoot, path);
  if (inside.startsWith('..')) return undefined;
  const [cell, ...rest] = inside.split(sep);
  if (!cell || !(domains as readonly string[]).includes(cell)) return undefined;
  return { cell, module: rest.join('/').replace(/\.tsx?$/, '') };
}

/**
 * Every chain from the roots into another cell's code. A cell's `events` and `public` modules
 * are what other cells may load (and what they import in turn belongs to that interface); any
 * other way in is a problem.
 */
function foreignCellLoads(roots: string[], hosted: Domain | undefined): string[] {
  const problems: string[] = [];
  const via = new Map<string, string | undefined>(roots.map((root) => [root, undefined]));
  const queue = [...roots];
  const chain = (path: string): string => {
    const steps: string[] = [];
    for (let at: string | undefined = path; at; at = via.get(at)) {
      steps.unshift(relative(srcRoot, at));
    }
    return steps.join(' -> ');
  };
  while (queue.length > 0) {
    const path = queue.shift()!;
    const fromCell = cellOf(path)?.cell;
    for (const target of runtimeImports(path)) {
      if (via.has(target)) continue;
      via.set(target, path);
      const into = cellOf(target);
      if (
        into &&
        into.cell !== hosted &&
        into.cell !== fromCell &&
        into.module !== 'events' &&
        into.module !== 'public'
      ) {
        problems.push(chain(target));
        continue; // one chain per way in is enough to act on
      }
      queue.push(target);
    }
  }
  return problems;
}

describe('a cell host loads only the cells it hosts', () => {
  it('loads no cell code before the registry is asked for one', () => {
    expect(foreignCellLoads([hostEntry], undefined)).toEqual([]);
  });

  it.each(domains.map((domain) => [domain]))(
    'a host of the %s cell loads no other cell except through its events and public modules',
    (domain) => {
      const index = join(cellsRoot, domain, 'index.ts');
      expect(foreignCellLoads([hostEntry, index], domain)).toEqual([]);
    },
  );
});
