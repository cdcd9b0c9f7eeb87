import { inngestFor } from '../../../events/inngest-client';
import { accountDeleted } from '../../../events/schemas';
import { defineSagaStep } from '../../saga-step';
import { analyticsDatabase } from '../database';

/**
 * Removes the account id and the email from the properties of every recorded event, and the
 * account id from every browsing event (which keep only their random anonymous id) and deletes
 * the account's stored order history.
 */
export const dropAccountFromEventsStep = defineSagaStep({
  id: 'drop-account-from-events',
  run: async ({ accountId, email: givenEmail }: { accountId: string; email: string }) => {
    const { AnalyticsEvent, TrackedEvent, CustomerHistory } = await analyticsDatabase.models();
    const email = givenEmail.toLowerCase();
    const [byAccount, byEmail, browsing] = [
      await AnalyticsEvent.updateMany(
        { 'properties.accountId': accountId },
        { $unset: { 'properties.accountId': 1 } },
      ),
      await AnalyticsEvent.updateMany(
        { 'properties.email': { $in: [email, givenEmail] } },
        { $unset: { 'properties.email': 1 } },
      ),
      await TrackedEvent.updateMany({ accountId }, { $unset: { accountId: 1 } }),
    ];
    // Its stored order history (every time zone's): its orders count as guest orders from the
    // next rollup run, which rebuilds the days of the conversions this changed.
    await CustomerHistory.deleteMany({ accountId });
    return {
      eventsUpdated: byAccount.modifiedCount + byEmail.modifiedCount,
      browsingEventsUpdated: browsing.modifiedCount,
    };
  },
});

/**
 * Account deletion, analytics cell: events keep counting (a registration stays a registration,
 * a search stays a search) but no longer say whose they were: the account id and any email are
 * removed from their properties. No pseudonym is kept, as a stable one would still link the
 * person's events together. Removed fields no longer match, so a retry changes nothing.
 */
export const erasePersonalData = inngestFor('analytics').createFunction(
  { id: 'erase-personal-data', triggers: [accountDeleted] },
  async ({ event, step }) =>
    step.run(dropAccountFromEventsStep.id, () =>
      dropAccountFromEventsStep.run({ accountId: event.data.accountId, email: event.data.email }),
    ),
);
