import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { domains, type Domain } from '../src/domains';

/**
 * Holds the cell layout written down in docs/architecture.md § "Cell layout": a new cell, or a
 * change that puts a procedure, a function or a cross-cell import somewhere else, fails here with
 * a message saying what is expected.
 */

const cellsRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../src/cells');
const layoutDoc = 'see docs/architecture.md § "Cell layout"';

/** Cells that own no database: search builds its index from the product cell's reader. */
const cellsWithoutDatabase: ReadonlySet<Domain> = new Set(['search']);

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
}

interface ImportInfo {
  specifier: string;
  typeOnly: boolean;
}

/** Every import and re-export of a file, with whether it loads code at run time. */
function importsOf(source: ts.SourceFile): ImportInfo[] {
  const found: ImportInfo[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const namedAllTypes =
        clause?.namedBindings !== undefined &&
        ts.isNamedImports(clause.namedBindings) &&
        clause.namedBindings.elements.length > 0 &&
        clause.namedBindings.elements.every((element) => element.isTypeOnly) &&
        clause.name === undefined;
      found.push({
        specifier: statement.moduleSpecifier.text,
        typeOnly: clause?.isTypeOnly === true || namedAllTypes,
      });
    }
    if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      found.push({ specifier: statement.moduleSpecifier.text, typeOnly: statement.isTypeOnly });
    }
  }
  // Dynamic imports load code as well.
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function hasModule(cell: string, name: string): boolean {
  const folder = join(cellsRoot, cell);
  return existsSync(join(folder, `${name}.ts`)) || existsSync(join(folder, name, 'index.ts'));
}

/** The object literal given to `router({...})` in a router file. */
function routerObject(source: ts.SourceFile): ts.ObjectLiteralExpression | undefined {
  let found: ts.ObjectLiteralExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (
      !found &&
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'router' &&
      node.arguments[0] &&
      ts.isObjectLiteralExpression(node.arguments[0])
    ) {
      found = node.arguments[0];
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The name of the handler a procedure entry ends in: `.query(handler)` / `.mutation(handler)`. */
function handlerOf(initializer: ts.Expression): string | undefined {
  if (!ts.isCallExpression(initializer)) return undefined;
  const callee = initializer.expression;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  if (!['query', 'mutation'].includes(callee.name.text)) return undefined;
  const [handler] = initializer.arguments;
  return handler && ts.isIdentifier(handler) ? handler.text : undefined;
}

/** The argument of the `.input(...)` call in a procedure entry's chain, if it has one. */
function inputOf(initializer: ts.Expression): ts.Expression | undefined {
  let node: ts.Expression = initializer;
  while (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    if (node.expression.name.text === 'input') return node.arguments[0];
    node = node.expression.expression;
  }
  return undefined;
}

function isStatusEntry(initializer: ts.Expression): boolean {
  return (
    ts.isCallExpression(initializer) &&
    ts.isIdentifier(initializer.expression) &&
    // Shared procedure factories: the status probe and the audit log (src/audit).
    ['statusProcedure', 'auditLogProcedure'].includes(initializer.expression.text)
  );
}

/** Names a router file imports, by the module they come from. */
function importedNames(source: ts.SourceFile): Map<string, string> {
  const names = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) {
      continue;
    }
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        names.set(element.name.text, statement.moduleSpecifier.text);
      }
    }
  }
  return names;
}

/** Inngest step tools whose first argument is the step's id. */
const stepMethods = new Set(['run', 'sleep', 'sleepUntil', 'waitForEvent', 'sendEvent', 'invoke']);

/** Names a file exports (declarations and `export { ... }`) or imports: where a constant can live. */
function exportedOrImportedNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    const exported = ts.canHaveModifiers(statement)
      ? ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      : false;
    if (exported && ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
      }
    }
    if (ts.isExportDeclaration(statement) && statement.exportClause) {
      if (ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) names.add(element.name.text);
      }
    }
    const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined;
    if (clause?.name) names.add(clause.name.text);
    if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings)) {
      for (const element of clause.namedBindings.elements) names.add(element.name.text);
    }
  }
  return names;
}

/** The identifier an id expression starts from: `reserveStockStep` in `reserveStockStep.id`. */
function rootIdentifier(expression: ts.Expression): ts.Identifier | undefined {
  if (ts.isIdentifier(expression)) return expression;
  if (ts.isPropertyAccessExpression(expression)) return rootIdentifier(expression.expression);
  return undefined;
}

/**
 * Step calls (`step.run(id, ...)`, `step.sleep(id, ...)`, ...) whose id is not an exported
 * constant: a literal, or a local name another module cannot import. A log line names the step id;
 * an exported constant leads from it to the code.
 */
function stepIdProblems(path: string): string[] {
  const source = parse(path);
  const reachable = exportedOrImportedNames(source);
  const problems: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      stepMethods.has(node.expression.name.text) &&
      /(^|\.)step$/.test(node.expression.expression.getText(source)) &&
      node.arguments[0]
    ) {
      const id = node.arguments[0];
      const root = rootIdentifier(id);
      if (!root || !reachable.has(root.text)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        problems.push(
          `${relative(cellsRoot, path)}:${line + 1}: step.${node.expression.name.text}(${id.getText(source)}, ...): use an exported constant as the step id (defineSagaStep({ id, ... }).id or export const ...StepId)`,
        );
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}

describe.each(domains.map((domain) => [domain]))('the %s cell', (cell) => {
  const folder = join(cellsRoot, cell);

  it('has the documented files', () => {
    const required = ['index', 'router', 'inputs', 'views', 'events', 'functions'];
    if (!cellsWithoutDatabase.has(cell)) required.push('database');
    const missing = required.filter((name) => !hasModule(cell, name));
    expect(
      missing,
      `cells/${cell} lacks ${missing.map((name) => `${name}.ts`).join(', ')} (${layoutDoc})`,
    ).toEqual([]);
    expect(
      existsSync(join(folder, 'procedures')),
      `cells/${cell}/procedures/ holds the procedure handlers (${layoutDoc})`,
    ).toBe(true);
  });

  it('keeps router.ts an index: each procedure is a permission, an input and a named handler', () => {
    const source = parse(join(folder, 'router.ts'));
    const object = routerObject(source);
    expect(object, `cells/${cell}/router.ts must export router({...})`).toBeDefined();
    const imported = importedNames(source);
    const problems: string[] = [];
    for (const property of object?.properties ?? []) {
      if (!ts.isPropertyAssignment(property)) {
        problems.push(
          `${property.getText(source).slice(0, 40)}: list each procedure by name (no spreads or methods)`,
        );
        continue;
      }
      const name = property.name.getText(source);
      if (isStatusEntry(property.initializer)) continue;
      const handler = handlerOf(property.initializer);
      if (!handler) {
        problems.push(
          `${cell}.${name}: end in .query(handler) or .mutation(handler), no inline code`,
        );
        continue;
      }
      if (handler !== name) {
        problems.push(`${cell}.${name}: its handler should be named ${name}, not ${handler}`);
      }
      const from = imported.get(handler) ?? '';
      if (!from.startsWith('./procedures/')) {
        problems.push(`${cell}.${name}: import ${handler} from ./procedures/<group>`);
      }
      const input = inputOf(property.initializer);
      if (input) {
        const inputName = ts.isIdentifier(input) ? input.text : undefined;
        const inputFrom = inputName ? (imported.get(inputName) ?? '') : '';
        if (!inputName || !/^\.\/inputs(\/|$)/.test(inputFrom)) {
          problems.push(
            `${cell}.${name}: its input schema is ${input.getText(source).slice(0, 40)}; name it ${name}Input in inputs.ts`,
          );
        } else if (inputName !== `${name}Input`) {
          problems.push(
            `${cell}.${name}: its input schema should be named ${name}Input, not ${inputName}`,
          );
        }
      }
    }
    for (const statement of source.statements) {
      if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) {
        problems.push(`router.ts declares ${statement.name?.text ?? 'a function'}: move it out`);
      }
    }
    expect(problems, `cells/${cell}/router.ts (${layoutDoc})`).toEqual([]);
  });

  it('lists its Inngest functions in functions.ts, each in functions/<its id>.ts', () => {
    const list = parse(join(folder, 'functions.ts'));
    const problems = importsOf(list)
      .filter(({ specifier, typeOnly }) => !typeOnly && !specifier.startsWith('./functions/'))
      .filter(({ specifier }) => specifier !== 'inngest')
      .map(({ specifier }) => `functions.ts imports ${specifier}: it only lists ./functions/*`);
    for (const path of filesUnder(join(folder, 'functions'))) {
      const id = relative(join(folder, 'functions'), path).replace(/\.tsx?$/, '');
      if (id.includes(sep)) continue; // a helper folder beside the functions
      const text = readFileSync(path, 'utf8');
      const ids = [...text.matchAll(/\bid:\s*'([^']+)'/g)].map((match) => match[1]);
      if (ids.length > 0 && !ids.includes(id)) {
        problems.push(`functions/${id}.ts defines ${ids.join(', ')}: name the file after its id`);
      }
    }
    expect(problems, `cells/${cell} (${layoutDoc})`).toEqual([]);
  });

  it('names every background step by an exported constant', () => {
    const problems = filesUnder(folder).flatMap((path) => stepIdProblems(path));
    expect(problems, `cells/${cell} (${layoutDoc})`).toEqual([]);
  });

  it("loads no other cell's code except its events and public module", () => {
    const problems: string[] = [];
    for (const path of filesUnder(folder)) {
      for (const { specifier, typeOnly } of importsOf(parse(path))) {
        if (typeOnly || !specifier.startsWith('.')) continue;
        const target = relative(cellsRoot, resolve(dirname(path), specifier));
        const [targetCell, ...rest] = target.split(sep);
        if (
          !targetCell ||
          targetCell === cell ||
          !(domains as readonly string[]).includes(targetCell)
        ) {
          continue;
        }
        const module = rest.join('/');
        if (module === 'events' || module === 'public') continue;
        problems.push(
          `${relative(cellsRoot, path)} imports ${target}: use import type, or ../${targetCell}/public`,
        );
      }
    }
    expect(problems, layoutDoc).toEqual([]);
  });
});

it('has a folder for every domain and nothing unexpected beside them', () => {
  const entries = readdirSync(cellsRoot).filter((name) =>
    statSync(join(cellsRoot, name)).isDirectory(),
  );
  expect(entries.sort()).toEqual([...domains].sort());
});
