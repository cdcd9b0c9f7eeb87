import type { Payment } from '@shop/db/payment';
import { Types, type QueryFilter } from 'mongoose';
import { inngestFor } from '../../../events/inngest-client';
import { accountDeleted } from '../../../events/schemas';
import { defineSagaStep } from '../../saga-step';
import { paymentDatabase } from '../database';
import { isObjectIdText } from '../../../ids/object-id-text';

/** Drops the billing details and the account link of the account's payments. */
export const dropBillingDetailsStep = defineSagaStep({
  id: 'drop-billing-details',
  run: async (deleted: { accountId: string; email: string }) => {
    const { Payment } = await paymentDatabase.models();
    const owners: QueryFilter<Payment>[] = [
      { 'billingDetails.email': deleted.email.toLowerCase() },
    ];
    if (isObjectIdText(deleted.accountId)) {
      owners.push({ accountId: new Types.ObjectId(deleted.accountId) });
    }
    const { modifiedCount } = await Payment.updateMany(
      { $or: owners },
      { $unset: { billingDetails: 1, accountId: 1 } },
    );
    return { paymentsUpdated: modifiedCount };
  },
});

/**
 * Account deletion, payment cell: payments stay (amounts, currency, status, order number and the
 * provider's ids are what reconciliation and refunds need); the billing name and email given to
 * the provider and the link to the account are dropped. Dropped fields no longer match, so a
 * retry changes nothing.
 */
export const erasePersonalData = inngestFor('payment').createFunction(
  { id: 'erase-personal-data', triggers: [accountDeleted] },
  async ({ event, step }) =>
    step.run(dropBillingDetailsStep.id, () => dropBillingDetailsStep.run(event.data)),
);
