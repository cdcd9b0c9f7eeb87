import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { rolePermissions, type Permission } from '../src/identity/permissions';
import { appRouter } from '../src/router';

/**
 * Every staff change says what it changed: each mutation behind a permission that a staff role
 * holds must hand the audit log its before/after (`ctx.audit.record`, src/audit/README.md), or
 * say that it changed nothing (`ctx.audit.unchanged()`, a dry run), in its handler or in a
 * function the handler calls. The middleware records every such call anyway,
 * but without before/after an entry holds only the redacted input, which does not say what the
 * object was before. A new staff mutation that forgets fails here, named.
 */

const srcRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/** Staff mutations that record no before/after, each with why. */
const exemptions: Readonly<Record<string, string>> = {
  // The order saga's calls with a service token (never recorded); an admin, who holds every
  // permission, calling them by hand is recorded with the input (order id, SKUs, quantities).
  'product.reserveStock': 'saga step: a service token reserving stock for an order',
  'product.releaseStock': 'saga step: a service token releasing an order’s hold',
  'product.commitStock': 'saga step: a service token committing an order’s hold',
  'product.returnStock': 'saga step: a service token returning a cancelled order’s units',
  'payment.startPayment': 'saga step: a service token starting an order’s payment',
  'payment.cancelForOrder': 'saga step: a service token cancelling an order’s payment',
  'payment.closeUnlessPaid': 'saga step: a service token closing an unpaid payment',
  // A mutation only so that a long draft travels in the body (as a query it went in the URL).
  'notification.previewCampaign': 'changes nothing: renders the draft it is given',
};

interface StaffMutation {
  path: string;
  permission: Permission;
}

/** Permissions some staff account can hold (service-only ones are never an account's). */
const staffPermissions = new Set<Permission>(
  Object.entries(rolePermissions)
    .filter(([role]) => role !== 'customer')
    .flatMap(([, granted]) => granted),
);

function staffMutations(): StaffMutation[] {
  // The router's flat map of procedures by path; its declared type is the nested router shape.
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: string; meta?: { permission?: Permission } } }
  >;
  return Object.entries(procedures)
    .filter(([, procedure]) => procedure._def.type === 'mutation')
    .map(([path, procedure]) => ({ path, permission: procedure._def.meta?.permission }))
    .filter((entry): entry is StaffMutation =>
      Boolean(entry.permission && staffPermissions.has(entry.permission)),
    );
}

const parsed = new Map<string, ts.SourceFile>();
function parse(path: string): ts.SourceFile {
  let source = parsed.get(path);
  if (!source) {
    source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    parsed.set(path, source);
  }
  return source;
}

function moduleFile(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, `${base}/index.ts`].find((path) => existsSync(path));
}

/** Where `name`, used in `file`, is defined: this file's function, or a relative import's. */
function definitionOf(file: string, name: string, depth = 0): ts.Node | undefined {
  const source = parse(file);
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) return statement;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.name.text === name) return declaration;
      }
    }
    if (
      depth < 3 &&
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.importClause?.namedBindings &&
      ts.isNamedImports(statement.importClause.namedBindings)
    ) {
      const binding = statement.importClause.namedBindings.elements.find(
        (element) => element.name.text === name,
      );
      const target = binding && moduleFile(file, statement.moduleSpecifier.text);
      if (binding && target) {
        return definitionOf(target, (binding.propertyName ?? binding.name).text, depth + 1);
      }
    }
  }
  return undefined;
}

/**
 * Whether `node` calls `<something>.audit.record(...)` (or `.audit.unchanged()`: it says it
 * changed nothing, like a dry run), itself or through what it calls.
 */
function recordsChange(node: ts.Node, seen: Set<ts.Node>, depth: number): boolean {
  if (seen.has(node) || depth > 4) return false;
  seen.add(node);
  const file = node.getSourceFile().fileName;
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(child)) {
      const callee = child.expression;
      if (
        ts.isPropertyAccessExpression(callee) &&
        (callee.name.text === 'record' || callee.name.text === 'unchanged') &&
        ts.isPropertyAccessExpression(callee.expression) &&
        callee.expression.name.text === 'audit'
      ) {
        found = true;
        return;
      }
      if (ts.isIdentifier(callee)) {
        const definition = definitionOf(file, callee.text);
        if (definition && recordsChange(definition, seen, depth + 1)) {
          found = true;
          return;
        }
      }
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/** The handler given to `.mutation(...)` for `action` in the cell's router.ts. */
function handlerOf(cell: string, action: string): ts.Node | undefined {
  const routerFile = resolve(srcRoot, 'cells', cell, 'router.ts');
  let handler: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (handler) return;
    if (
      ts.isPropertyAssignment(node) &&
      (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) &&
      node.name.text === action
    ) {
      const findMutation = (child: ts.Node): void => {
        if (handler) return;
        if (
          ts.isCallExpression(child) &&
          ts.isPropertyAccessExpression(child.expression) &&
          child.expression.name.text === 'mutation' &&
          child.arguments[0]
        ) {
          const argument = child.arguments[0];
          handler = ts.isIdentifier(argument) ? definitionOf(routerFile, argument.text) : argument; // an inline handler is checked as written
          return;
        }
        ts.forEachChild(child, findMutation);
      };
      findMutation(node.initializer);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(routerFile));
  return handler;
}

describe('staff mutations and the audit log', () => {
  const mutations = staffMutations();

  it('finds the staff mutations of every cell', () => {
    // A guard against a listing that silently finds nothing (a changed tRPC internal).
    const cells = new Set(mutations.map((mutation) => mutation.path.split('.')[0]));
    expect([...cells]).toEqual(expect.arrayContaining(['auth', 'user', 'product', 'order']));
    expect(mutations.length).toBeGreaterThan(30);
  });

  it('each records its before and after, or is exempt with a reason', () => {
    const unaudited = mutations
      .filter((mutation) => !(mutation.path in exemptions))
      .filter((mutation) => {
        const [cell, action] = mutation.path.split('.') as [string, string];
        const handler = handlerOf(cell, action);
        return !handler || !recordsChange(handler, new Set(), 0);
      })
      .map((mutation) => `${mutation.path} (${mutation.permission})`);
    expect(
      unaudited,
      'these staff mutations call no ctx.audit.record (or .unchanged): record before/after (src/audit/README.md)',
    ).toEqual([]);
  });

  it('exempts only staff mutations that exist', () => {
    const paths = new Set(mutations.map((mutation) => mutation.path));
    expect(Object.keys(exemptions).filter((path) => !paths.has(path))).toEqual([]);
  });
});
