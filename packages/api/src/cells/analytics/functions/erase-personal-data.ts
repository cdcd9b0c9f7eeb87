import { inngestFor } from '../../events/inngest-client';
import { accountDeleted } from '../../events/schemas';
import { analyticsDatabase } from './database';

/**
 * Account deletion, analytics cell: events keep counting (a registration stays a registration,
 * a search stays a search) but no longer say whose they were: the account id and any email are
 * removed from their properties. No pseudonym is kept, as a stable one would still link the
 * person's events together. Removed fields no longer match, so a retry changes nothing.
 */
export const erasePersonalData = inngestFor('analytics').createFunction(
  { id: 'erase-personal-data', triggers: [accountDeleted] },
  async ({ event, step }) => {
    return step.run('drop-account-from-events', async () => {
      const { AnalyticsEvent } = await analyticsDatabase.models();
      const email = event.data.email.toLowerCase();
      const [byAccount, byEmail] = [
        await AnalyticsEvent.updateMany(
          { 'properties.accountId': event.data.accountId },
          { $unset: { 'properties.accountId': 1 } },
        ),
        await AnalyticsEvent.updateMany(
          { 'properties.email': { $in: [email, event.data.email] } },
          { $unset: { 'properties.email': 1 } },
        ),
      ];
      return { eventsUpdated: byAccount.modifiedCount + byEmail.modifiedCount };
    });
  },
);
