import { inngestFor } from '../../../events/inngest-client';
import { notificationDatabase } from '../database';
import { emailFailed } from '../events';
import { raiseAndNotify } from '../staff-alert-steps';

/** Failed emails within the last hour that make "failing repeatedly". */
export const failingEmailThreshold = 5;
export const countFailuresStepId = 'count-failures';

/**
 * Emails failing repeatedly: on each failed email, count the failures of the last hour; at the
 * threshold, one alert per clock hour (UTC), so a provider outage is one alert, not hundreds.
 */
export const alertEmailsFailing = inngestFor('notification').createFunction(
  { id: 'alert-emails-failing', retries: 5, triggers: [emailFailed] },
  async ({ event, step }) => {
    const at = event.ts ? new Date(event.ts) : new Date();
    const failures = (await step.run(countFailuresStepId, async () => {
      const { Message } = await notificationDatabase.models();
      return Message.countDocuments({
        status: 'failed',
        failedAt: { $gte: new Date(at.getTime() - 60 * 60_000) },
      });
    })) as number;
    if (failures < failingEmailThreshold) return { failures, raised: false };
    return raiseAndNotify(step, {
      kind: 'emails-failing',
      cause: at.toISOString().slice(0, 13),
      title: 'Emails are failing repeatedly',
      detail: `${failures} emails failed for good in the last hour; the latest was a ${event.data.template} email. Check the mail server and the message list.`,
      href: '/notifications/messages?status=failed',
    });
  },
);
