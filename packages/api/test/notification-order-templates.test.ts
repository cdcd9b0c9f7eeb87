import { describe, expect, it } from 'vitest';
import { emailTemplates } from '../src/cells/notification/templates/registry';
import { renderEmail } from '../src/cells/notification/templates/render-email';

// What a shopper reads in each order email (the plain-text part, which is the HTML's text), for
// the cases the end-to-end test does not send.

const context = { storefrontUrl: 'https://shop.example.com' };
const account = { orderId: 'ord_1', number: 'SO-10042', accountId: 'acc_1', name: 'Ada' };
const guest = { orderId: 'ord_2', number: 'SO-10043', name: '' };

const confirmed = {
  ...account,
  lines: [
    {
      name: 'Linen Shirt',
      variantLabel: 'Blue / M',
      quantity: 1,
      unitPriceMinor: 3_900,
      lineTotalMinor: 3_900,
    },
  ],
  subtotalMinor: 3_900,
  discountMinor: 0,
  shippingMinor: 495,
  taxMinor: 1_011,
  totalMinor: 5_406,
  currency: 'EUR',
  pricesIncludeTax: false,
  shippingMethod: 'Standard',
  paymentMethod: 'card' as const,
  shippingAddress: {
    name: 'Ada Lovelace',
    line1: '5 Rue de Rivoli',
    line2: '',
    city: 'Paris',
    region: 'Île-de-France',
    postcode: '75001',
    country: 'FR',
  },
};

describe('order confirmation', () => {
  it('shows the shipping fee, leaves out a discount the order does not have', async () => {
    const { text, subject } = await renderEmail(
      emailTemplates['order-confirmed'],
      confirmed,
      context,
    );
    expect(subject).toBe('Order SO-10042 confirmed');
    expect(text).toMatch(/Shipping\s+€4\.95/);
    expect(text).toMatch(/Total\s+€54\.06/);
    expect(text).not.toContain('Discount');
    expect(text).toContain('75001 Paris');
    expect(text).toContain('Île-de-France');
    expect(text).toContain('France');
    expect(text).toContain('Your payment went through.');
    expect(text).toContain('it is not marketing');
    expect(text).not.toMatch(/turn them off/i);
  });

  it('says tax was added when prices exclude it, and the VAT contained when they include it', async () => {
    const added = await renderEmail(emailTemplates['order-confirmed'], confirmed, context);
    expect(added.text).toMatch(/Subtotal \(excl\. tax\)\s+€39\.00/);
    expect(added.text).toMatch(/Tax added\s+€10\.11/);
    expect(added.text).not.toContain('incl. VAT');
    const included = await renderEmail(
      emailTemplates['order-confirmed'],
      { ...confirmed, pricesIncludeTax: true, taxMinor: 763, totalMinor: 4_395 },
      context,
    );
    expect(included.text).toMatch(/Subtotal \(incl\. VAT\)\s+€39\.00/);
    expect(included.text).toMatch(/Total\s+€43\.95\s+incl\. VAT\s+€7\.63/);
    expect(included.text).not.toContain('Tax added');
  });

  it('leaves out a shipping method the order does not name', async () => {
    const { text } = await renderEmail(
      emailTemplates['order-confirmed'],
      { ...confirmed, shippingMethod: '' },
      context,
    );
    expect(text).not.toContain('Shipping method');
    expect(text).toContain('Order number: SO-10042');
  });

  it('refuses an order without lines rather than sending an empty receipt', async () => {
    await expect(
      renderEmail(emailTemplates['order-confirmed'], { ...confirmed, lines: [] }, context),
    ).rejects.toMatchObject({
      name: 'ZodError',
      issues: [expect.objectContaining({ path: ['lines'] })],
    });
  });
});

describe('payment failed', () => {
  it('gives the reason, says nothing was taken, and greets a nameless guest plainly', async () => {
    const { text } = await renderEmail(
      emailTemplates['payment-failed'],
      {
        ...guest,
        reason: 'Your card was declined. Try another card.',
        totalMinor: 2_500,
        currency: 'EUR',
      },
      context,
    );
    expect(text).toContain('Hi, we could not take the payment of €25.00 for order SO-10043.');
    expect(text).toContain('Your card was declined. Try another card.');
    expect(text).toContain('No money was taken');
    expect(text).toContain('https://shop.example.com/cart');
  });
});

describe('order shipped', () => {
  it('links a guest to the tracking page and leaves out a tracking URL that is not http(s)', async () => {
    const { text, html } = await renderEmail(
      emailTemplates['order-shipped'],
      {
        ...guest,
        carrier: 'An Post',
        trackingNumber: 'CE123456789IE',
        trackingUrl: 'javascript:alert(1)',
      },
      context,
    );
    expect(text).toContain('Carrier: An Post');
    expect(text).toContain('Tracking number: CE123456789IE');
    expect(text).not.toContain('Track your parcel');
    expect(html).not.toContain('javascript:');
    expect(text).toContain('https://shop.example.com/orders/track?number=SO-10043');
  });
});

describe('refund issued', () => {
  it('says how much this refund is and how much was refunded in all', async () => {
    const { text, subject } = await renderEmail(
      emailTemplates['refund-issued'],
      { ...account, amountMinor: 5_406, totalRefundedMinor: 5_406, currency: 'EUR' },
      context,
    );
    expect(subject).toBe('Refund for order SO-10042');
    expect(text).toContain('we have refunded €54.06 for order SO-10042');
    expect(text).toContain('Refunded in total: €54.06');
    expect(text).toContain('https://shop.example.com/account/orders/ord_1');
  });
});
