import { describe, expect, it } from 'vitest';
import { compileExpression, ExpressionError } from '../src';
import { matchScope, triggerScope } from '../src/expression';

const order = {
  name: 'shop/order.created',
  data: { orderId: 'o-1', total: 1200, vip: true, items: [{ sku: 'a' }] },
};
const payment = { name: 'shop/payment.captured', data: { orderId: 'o-1', amount: 1200 } };
const matches = (source: string, async: unknown = payment) =>
  compileExpression(source, matchScope).matches({ event: order, async });

describe('expressions', () => {
  it('compares fields of event and async', () => {
    expect(matches('event.data.orderId == async.data.orderId')).toBe(true);
    expect(matches("event.data.orderId == 'o-2'")).toBe(false);
    expect(matches('event.data.orderId != "o-2"')).toBe(true);
    expect(matches('async.data.amount >= 1000 && async.data.amount < 2000')).toBe(true);
    expect(matches('event.data.total > 5000 || event.data.vip == true')).toBe(true);
    expect(matches('!(event.data.total > 5000)')).toBe(true);
    expect(matches('event.data.items[0].sku == "a" && event.data["orderId"] == "o-1"')).toBe(true);
    expect(matches('event.data.total == 1200.0 && -1 < 0')).toBe(true);
  });

  it('reads missing fields as null and does not order mixed types', () => {
    expect(matches('event.data.missing == null')).toBe(true);
    expect(matches('event.data.missing.deeper == "x"')).toBe(false);
    expect(matches('event.data.orderId > 5')).toBe(false);
    expect(matches('async.data.orderId == event.data.orderId', null)).toBe(false);
  });

  it('evaluates to values for idempotency keys', () => {
    expect(compileExpression('event.data.orderId', triggerScope).evaluate({ event: order })).toBe(
      'o-1',
    );
  });

  it('fails clearly on syntax outside the supported subset', () => {
    const attempt =
      (source: string, scope: readonly string[] = matchScope) =>
      () =>
        compileExpression(source, scope);
    expect(attempt('size(event.data.items) > 0')).toThrow(/function calls are not supported/);
    expect(attempt('event.data.name.startsWith("a")')).toThrow(/method calls are not supported/);
    expect(attempt('event.data.total + 1 > 2')).toThrow(/unsupported character "\+"/);
    expect(attempt("event.data.x in ['a']")).toThrow(/unexpected text/);
    expect(attempt('async.data.x == 1', triggerScope)).toThrow(/unknown name "async"/);
    expect(attempt('event.data.x == "open')).toThrow(/unterminated string/);
    expect(attempt('event.data.x ==')).toThrow(ExpressionError);
  });
});
