import { alertSubscribers, raiseStaffAlert, type NewStaffAlert } from './staff-alerts';
import { sendTemplate } from './send-email';
import { staffAlertEmail } from './templates/staff-alert';

export const raiseAlertStepId = 'raise-alert';
export const findSubscribersStepId = 'find-subscribers';
export const emailStaffStepId = 'email-staff';

interface StepTools {
  run<T>(id: string, work: () => Promise<T>): Promise<unknown>;
}

/**
 * What every alert function does with its cause: raise the alert once (per kind and cause) and,
 * only when this run raised it, email each staff member subscribed to the kind, one email each
 * (the alert and the account make the dedupe key, so a retried step sends nothing twice).
 */
export async function raiseAndNotify(step: StepTools, alert: NewStaffAlert) {
  const raised = (await step.run(raiseAlertStepId, () => raiseStaffAlert(alert))) as Awaited<
    ReturnType<typeof raiseStaffAlert>
  >;
  if (!raised.created) return { alertId: raised.id, created: false, emailed: 0 };
  const subscribers = (await step.run(findSubscribersStepId, () =>
    alertSubscribers(alert.kind),
  )) as Awaited<ReturnType<typeof alertSubscribers>>;
  for (const subscriber of subscribers) {
    try {
      await step.run(emailStaffStepId, () =>
        sendTemplate(staffAlertEmail, {
          to: subscriber.email,
          accountId: subscriber.accountId,
          dedupeKey: `alert:${raised.id}:${subscriber.accountId}`,
          props: { kind: alert.kind, title: alert.title, detail: alert.detail ?? '' },
        }),
      );
    } catch {
      // That email is recorded as failed in the message centre; the others still go.
    }
  }
  return { alertId: raised.id, created: true, emailed: subscribers.length };
}
