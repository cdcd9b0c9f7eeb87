import { canonicalJson } from '../protocol/canonical-json';
import type { Node } from './syntax-tree';

type Value = unknown;

/**
 * Evaluates a parsed expression. Missing fields read as `null` (so `event.data.x == null` holds
 * when `x` is absent), `==` compares by value (numbers numerically, objects structurally), ordering
 * only applies to two numbers or two strings, and logic operators only treat `true` as true.
 */
export function evaluate(node: Node, variables: Record<string, Value>): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'variable':
      return variables[node.name] ?? null;
    case 'member': {
      const object = evaluate(node.object, variables);
      const key = evaluate(node.property, variables);
      return readMember(object, key);
    }
    case 'not':
      return evaluate(node.operand, variables) !== true;
    case 'negate': {
      const value = evaluate(node.operand, variables);
      return typeof value === 'number' ? -value : null;
    }
    case 'binary': {
      if (node.operator === '&&') {
        return evaluate(node.left, variables) === true && evaluate(node.right, variables) === true;
      }
      if (node.operator === '||') {
        return evaluate(node.left, variables) === true || evaluate(node.right, variables) === true;
      }
      const left = evaluate(node.left, variables);
      const right = evaluate(node.right, variables);
      switch (node.operator) {
        case '==':
          return sameValue(left, right);
        case '!=':
          return !sameValue(left, right);
        default:
          return compare(node.operator, left, right);
      }
    }
  }
}

function readMember(object: Value, key: Value): Value {
  if (object === null || typeof object !== 'object') return null;
  if (Array.isArray(object)) {
    return typeof key === 'number' && Number.isInteger(key) ? (object[key] ?? null) : null;
  }
  if (typeof key !== 'string' && typeof key !== 'number') return null;
  const record = object as Record<string, Value>;
  return Object.hasOwn(record, String(key)) ? (record[String(key)] ?? null) : null;
}

function sameValue(left: Value, right: Value): boolean {
  if (left === right) return true;
  if (left === null || right === null) return false;
  if (typeof left === 'object' && typeof right === 'object') {
    return canonicalJson(left) === canonicalJson(right);
  }
  return false;
}

function compare(operator: '<' | '<=' | '>' | '>=', left: Value, right: Value): boolean {
  const comparable =
    (typeof left === 'number' && typeof right === 'number') ||
    (typeof left === 'string' && typeof right === 'string');
  if (!comparable) return false;
  const a = left as number | string;
  const b = right as number | string;
  switch (operator) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}
