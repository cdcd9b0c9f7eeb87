import { inngestFor } from '../../../events/inngest-client';
import { orderConfirmed } from '../../../events/schemas';
import { defineSagaStep } from '../../saga-step';
import { categoriesOfSkus } from '../campaigns/purchase-categories';
import { recordPurchase } from '../campaigns/purchase-projection';

export const purchaseCategoriesStep = defineSagaStep({
  id: 'categories',
  run: (skus: string[]) => categoriesOfSkus(skus),
});
export const recordPurchaseStep = defineSagaStep({ id: 'record', run: recordPurchase });

/**
 * Keeps the notification cell's purchase projection (campaign segments) current: a paid order
 * adds to its customer's last order date, spend per currency and categories bought. Orders
 * without an email (anonymised) are left out. A redelivered event counts once.
 */
export const recordCustomerPurchase = inngestFor('notification').createFunction(
  { id: 'record-customer-purchase', retries: 5, triggers: [orderConfirmed] },
  async ({ event, step }) => {
    const { email, accountId, number, totalMinor, currency, placedAt, lines } = event.data;
    if (!email) return { outcome: 'no-email' as const };
    const categorySlugs = (await step.run(purchaseCategoriesStep.id, () =>
      purchaseCategoriesStep.run(lines.map((line) => line.sku).slice(0, 100)),
    )) as string[];
    const outcome = await step.run(recordPurchaseStep.id, () =>
      recordPurchaseStep.run({
        email,
        accountId: accountId ?? null,
        orderNumber: number,
        totalMinor,
        currency,
        placedAt: new Date(Number.isNaN(Date.parse(placedAt)) ? Date.now() : Date.parse(placedAt)),
        categorySlugs,
      }),
    );
    return { outcome };
  },
);
