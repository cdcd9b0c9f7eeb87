/**
 * Raised when an expression uses syntax outside the subset this executor evaluates, so a
 * developer sees exactly what to change instead of a trigger or wait that silently never matches.
 */
export class ExpressionError extends Error {
  constructor(
    readonly expression: string,
    readonly position: number,
    reason: string,
  ) {
    super(
      `inngest-local cannot evaluate expression "${expression}": ${reason} at position ${position}. ` +
        'Supported: ==, !=, <, <=, >, >=, &&, ||, !, parentheses, dotted or [..] paths on the ' +
        'available variables, and string/number/true/false/null literals.',
    );
    this.name = 'ExpressionError';
  }
}
