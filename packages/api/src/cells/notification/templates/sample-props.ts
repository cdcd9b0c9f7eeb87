import type { EmailProps, EmailTemplateId } from './registry';

/**
 * Made-up props for each template, for the admin's preview: what a real email of that kind
 * carries, with an obviously fake customer and order. A new template adds its sample here; until
 * then the admin says it has no sample instead of showing it.
 */
export function sampleProps(): { [TId in EmailTemplateId]?: EmailProps<TId> } {
  const inAnHour = new Date(Date.now() + 60 * 60_000).toISOString();
  // No remote pictures: the admin's preview frame loads none (its CSP), so the card has none.
  const sampleProductId = '5a3b1e000000000000000001';
  const campaign = {
    subject: 'Winter sale: 20 % off knitwear',
    preheader: 'Three days only',
    blocks: [
      { type: 'heading' as const, text: 'Winter sale', level: 1 as const },
      { type: 'text' as const, text: 'Warm things for cold days.\n\nThree days only.' },
      { type: 'products' as const, productIds: [sampleProductId] },
      { type: 'button' as const, label: 'Shop the sale', href: 'https://shop.example/sale' },
    ],
    products: {
      [sampleProductId]: {
        id: sampleProductId,
        name: 'Linen Shirt',
        imageUrl: null,
        imageAlt: 'Linen Shirt',
        priceMinor: 3_900,
        currency: 'EUR',
        href: 'https://shop.example/products/linen-shirt',
      },
    },
  };
  const order = { orderId: 'sample', number: 'SO-SAMPLE-1', accountId: 'sample', name: 'Ada' };
  return {
    welcome: { name: 'Ada' },
    'verify-email': { name: 'Ada', token: 'sample-token', expiresAt: inAnHour },
    'password-reset': { name: 'Ada', token: 'sample-token', expiresAt: inAnHour },
    'order-confirmed': {
      ...order,
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
      taxMinor: 701,
      totalMinor: 4_395,
      pricesIncludeTax: true,
      currency: 'EUR',
      shippingMethod: 'Standard',
      paymentMethod: 'card',
      shippingAddress: {
        name: 'Ada Lovelace',
        line1: '5 Rue de Rivoli',
        line2: '',
        city: 'Paris',
        region: '',
        postcode: '75001',
        country: 'FR',
      },
    },
    'payment-failed': {
      ...order,
      reason: 'Your card has insufficient funds.',
      totalMinor: 4_395,
      currency: 'EUR',
    },
    'order-cancelled': {
      ...order,
      reason: 'An item sold out before we could reserve it.',
      refundedMinor: 0,
      beforePayment: true,
      currency: 'EUR',
    },
    'order-cancel-link': {
      ...order,
      token: 'sample-token',
      expiresAt: inAnHour,
      totalMinor: 4_395,
      currency: 'EUR',
    },
    'order-shipped': {
      ...order,
      carrier: 'DHL',
      trackingNumber: 'JD014600006281',
      trackingUrl: 'https://www.dhl.com/track?id=JD014600006281',
    },
    'order-delivered': order,
    'refund-issued': { ...order, amountMinor: 1_500, totalRefundedMinor: 1_500, currency: 'EUR' },
    'sign-in-attempts': { name: 'Ada', failedAttempts: 5, since: new Date().toISOString() },
    'newsletter-confirmation': { token: 'sample-token', expiresAt: inAnHour },
    'newsletter-welcome': {},
    'back-in-stock': {
      productName: 'Linen Shirt',
      variantLabel: 'Blue / M',
      productSlug: 'linen-shirt',
      sku: 'SAMPLE-SKU',
      priceMinor: 3_900,
      currency: 'EUR',
    },
    'abandoned-cart': {
      lines: [{ name: 'Linen Shirt (Blue / M)', quantity: 1, unitPriceMinor: 3_900 }],
      currency: 'EUR',
      restoreToken: 'sample-token',
    },
    'review-request': {
      orderNumber: 'SO-SAMPLE-1',
      reminder: false,
      products: [
        { name: 'Linen Shirt', token: 'sample-review-link-token' },
        { name: 'Stoneware Mug', token: 'sample-review-link-token-2' },
      ],
    },
    campaign: { ...campaign, test: false },
    'campaign-test': { ...campaign, test: true },
  };
}
