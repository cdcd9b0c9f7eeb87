import { evaluate } from './evaluate';
import { parseExpression } from './parse';
import type { Node } from './syntax-tree';

export { ExpressionError } from './expression-error';

export interface CompiledExpression {
  readonly source: string;
  /** The expression's value for the given variables. */
  evaluate(variables: Record<string, unknown>): unknown;
  /** Whether the expression evaluates to exactly `true`, the rule for triggers, waits and cancels. */
  matches(variables: Record<string, unknown>): boolean;
}

const cache = new Map<string, Node>();
const cacheLimit = 1_000;

/**
 * Compiles an expression once (cached by text and scope) and throws `ExpressionError` if it uses
 * anything outside the supported subset or a variable not available in this scope.
 */
export function compileExpression(
  source: string,
  variables: readonly string[],
): CompiledExpression {
  const key = `${variables.join(',')}\u0000${source}`;
  let tree = cache.get(key);
  if (!tree) {
    tree = parseExpression(source, variables);
    if (cache.size >= cacheLimit) cache.clear();
    cache.set(key, tree);
  }
  const compiled = tree;
  return {
    source,
    evaluate: (values) => evaluate(compiled, values),
    matches: (values) => evaluate(compiled, values) === true,
  };
}

/** Scope of a function trigger's `expression` and of an `idempotency` key. */
export const triggerScope = ['event'] as const;
/** Scope of `waitForEvent`'s `if` and of `cancelOn`'s `if`: the run's event and the new one. */
export const matchScope = ['event', 'async'] as const;
