import { ExpressionError } from './expression-error';
import type { BinaryOperator, Node } from './syntax-tree';
import { tokenize, type Operator, type Token } from './tokens';

/**
 * Recursive-descent parser for the CEL subset Inngest expressions use in practice. Precedence, low
 * to high: `||`, `&&`, equality, comparison, unary `!`/`-`, member access.
 */
export function parseExpression(source: string, variables: readonly string[]): Node {
  const tokens = tokenize(source);
  let index = 0;

  const peek = (): Token => tokens[index] ?? { kind: 'end', at: source.length };
  const fail = (token: Token, reason: string): never => {
    throw new ExpressionError(source, token.at, reason);
  };
  const isOperator = (token: Token, ...values: Operator[]): boolean =>
    token.kind === 'operator' && values.includes(token.value);
  const expectOperator = (value: Operator) => {
    const token = peek();
    if (!isOperator(token, value)) fail(token, `expected "${value}"`);
    index++;
  };

  const binaryLevel = (operators: BinaryOperator[], next: () => Node) => (): Node => {
    let left = next();
    for (;;) {
      const token = peek();
      if (token.kind !== 'operator' || !(operators as string[]).includes(token.value)) {
        return left;
      }
      index++;
      left = { kind: 'binary', operator: token.value as BinaryOperator, left, right: next() };
    }
  };

  const primary = (): Node => {
    const token = peek();
    index++;
    switch (token.kind) {
      case 'number':
      case 'string':
        return { kind: 'literal', value: token.value };
      case 'identifier':
        if (token.value === 'true' || token.value === 'false') {
          return { kind: 'literal', value: token.value === 'true' };
        }
        if (token.value === 'null') return { kind: 'literal', value: null };
        if (isOperator(peek(), '(')) fail(token, 'function calls are not supported');
        if (!variables.includes(token.value)) {
          return fail(
            token,
            `unknown name "${token.value}" (available here: ${variables.join(', ')})`,
          );
        }
        return { kind: 'variable', name: token.value };
      case 'operator':
        if (token.value === '(') {
          const inner = or();
          expectOperator(')');
          return inner;
        }
        return fail(token, `unexpected "${token.value}"`);
      case 'end':
        return fail(token, 'unexpected end of expression');
    }
  };

  const member = (): Node => {
    let node = primary();
    for (;;) {
      const token = peek();
      if (isOperator(token, '.')) {
        index++;
        const name = peek();
        if (name.kind !== 'identifier') return fail(name, 'expected a field name after "."');
        index++;
        if (isOperator(peek(), '(')) fail(name, 'method calls are not supported');
        node = { kind: 'member', object: node, property: { kind: 'literal', value: name.value } };
      } else if (isOperator(token, '[')) {
        index++;
        const property = or();
        expectOperator(']');
        node = { kind: 'member', object: node, property };
      } else {
        return node;
      }
    }
  };

  const unary = (): Node => {
    const token = peek();
    if (isOperator(token, '!')) {
      index++;
      return { kind: 'not', operand: unary() };
    }
    if (isOperator(token, '-')) {
      index++;
      return { kind: 'negate', operand: unary() };
    }
    return member();
  };

  const comparison = binaryLevel(['<', '<=', '>', '>='], unary);
  const equality = binaryLevel(['==', '!='], comparison);
  const and = binaryLevel(['&&'], equality);
  const or: () => Node = binaryLevel(['||'], and);

  const tree = or();
  const rest = peek();
  if (rest.kind !== 'end') fail(rest, 'unexpected text after the expression');
  return tree;
}
