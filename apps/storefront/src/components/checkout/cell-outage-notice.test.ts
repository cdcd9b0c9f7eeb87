import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CellOutageNotice } from './cell-outage-notice';
import type { CheckoutOrder } from './order-types';

/**
 * While the order saga cannot reach the payment (or product) cell, the order carries `waitingOn`
 * (packages/api/test/order-cell-outage.test.ts: set within seconds, cleared when the cell is
 * back) and the pay page shows this instead of "Reserving your items…" (issue 10 §6).
 */
function render(service: 'payment' | 'product'): string {
  const order = {
    number: 'SO-7KQ4-M2XH',
    status: 'PAYMENT_PROCESSING',
    waitingOn: { service, since: '2026-12-05T03:00:00.000Z' },
  } as unknown as CheckoutOrder & { waitingOn: NonNullable<CheckoutOrder['waitingOn']> };
  const cancelAction = () => Promise.resolve({ status: 'idle' as const });
  return renderToStaticMarkup(createElement(CellOutageNotice, { order, cancelAction }));
}

describe('the pay page while a service the order needs is down', () => {
  it('says which service is not answering, that nothing was charged and that it resumes by itself', () => {
    const html = render('payment');
    expect(html).toContain('Our payment service is not answering');
    expect(html).toContain('nothing has been charged');
    expect(html).toContain('this page carries on by itself as soon as the service is back');
    expect(html).not.toContain('Reserving your items');
  });

  it('names the stock service when the product cell is the one down', () => {
    expect(render('product')).toContain('Our stock service is not answering');
  });

  it('offers to cancel instead of waiting', () => {
    const html = render('payment');
    expect(html).toContain('Would you rather not wait?');
    expect(html).toMatch(/<button[^>]*>Cancel order<\/button>/);
  });
});
