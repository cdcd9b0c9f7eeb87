import { ExpressionError } from './expression-error';

export type Token =
  | { kind: 'number'; value: number; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'identifier'; value: string; at: number }
  | { kind: 'operator'; value: Operator; at: number }
  | { kind: 'end'; at: number };

const operators = [
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '<',
  '>',
  '!',
  '-',
  '(',
  ')',
  '.',
  '[',
  ']',
] as const;
export type Operator = (typeof operators)[number];

const escapes: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '`': '`',
};

/** Splits an expression into tokens, rejecting anything outside the supported subset. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source[at] ?? '';
    if (/\s/.test(char)) {
      at++;
      continue;
    }
    const number = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(source.slice(at));
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]), at });
      at += number[0].length;
      continue;
    }
    const identifier = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(at));
    if (identifier) {
      tokens.push({ kind: 'identifier', value: identifier[0], at });
      at += identifier[0].length;
      continue;
    }
    if (char === '"' || char === "'") {
      const [value, next] = readString(source, at);
      tokens.push({ kind: 'string', value, at });
      at = next;
      continue;
    }
    const operator = operators.find((candidate) => source.startsWith(candidate, at));
    if (!operator) {
      throw new ExpressionError(source, at, `unsupported character "${char}"`);
    }
    tokens.push({ kind: 'operator', value: operator, at });
    at += operator.length;
  }
  tokens.push({ kind: 'end', at });
  return tokens;
}

function readString(source: string, start: number): [string, number] {
  const quote = source[start];
  let value = '';
  let at = start + 1;
  while (at < source.length) {
    const char = source[at] ?? '';
    if (char === quote) return [value, at + 1];
    if (char === '\\') {
      const next = source[at + 1] ?? '';
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(at + 2, at + 6))) {
        value += String.fromCharCode(parseInt(source.slice(at + 2, at + 6), 16));
        at += 6;
        continue;
      }
      const escaped = escapes[next];
      if (escaped === undefined)
        throw new ExpressionError(source, at, `unsupported escape "\\${next}"`);
      value += escaped;
      at += 2;
      continue;
    }
    value += char;
    at++;
  }
  throw new ExpressionError(source, start, 'unterminated string');
}
