import { formatMoney } from '@shop/money';
import { inngestFor } from '../../../events/inngest-client';
import { refundFailed } from '../../../events/schemas';
import { raiseAndNotify } from '../staff-alert-steps';

/** A refund the provider refused (`payment/refund.failed`): one alert per refund. */
export const alertRefundFailed = inngestFor('notification').createFunction(
  { id: 'alert-refund-failed', retries: 5, triggers: [refundFailed] },
  async ({ event, step }) =>
    raiseAndNotify(step, {
      kind: 'refund-failed',
      cause: event.data.refundId,
      title: `Refund of ${formatMoney(event.data.amountMinor, event.data.currency)} failed for order ${event.data.orderNumber ?? event.data.orderId}`,
      detail: `The payment provider said: ${event.data.message} Nothing was refunded; try again from the order's page.`,
      href: `/orders/${event.data.orderId}`,
    }),
);
