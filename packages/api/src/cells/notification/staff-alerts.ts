import type { StaffAlertKind } from '@shop/db/notification';
import { isDuplicateKeyError } from '@shop/db/claims';
import { notificationDatabase } from './database';

export interface NewStaffAlert {
  kind: StaffAlertKind;
  /** What raised it, unique per kind: the same cause raises one alert however often it comes. */
  cause: string;
  title: string;
  detail?: string;
  /** A back-office path (starts with `/`), never an outside URL. */
  href?: string;
}

/**
 * Raises the alert once per (kind, cause). Returns its id and whether this call created it, so
 * only the first raiser emails the subscribed staff.
 */
export async function raiseStaffAlert(alert: NewStaffAlert) {
  const { StaffAlert } = await notificationDatabase.models();
  const href = alert.href?.startsWith('/') && !alert.href.startsWith('//') ? alert.href : null;
  try {
    const result = await StaffAlert.updateOne(
      { kind: alert.kind, cause: alert.cause },
      {
        $setOnInsert: {
          kind: alert.kind,
          cause: alert.cause,
          title: alert.title.slice(0, 200),
          detail: (alert.detail ?? '').slice(0, 1000),
          href,
          readBy: [],
        },
      },
      { upsert: true },
    );
    const found = await StaffAlert.findOne({ kind: alert.kind, cause: alert.cause }, { _id: 1 })
      .lean()
      .orFail();
    return { id: found._id.toString(), created: result.upsertedCount === 1 };
  } catch (error) {
    // Two raisers at once: the unique index let one insert; the other finds it.
    if (!isDuplicateKeyError(error)) throw error;
    const found = await StaffAlert.findOne({ kind: alert.kind, cause: alert.cause }, { _id: 1 })
      .lean()
      .orFail();
    return { id: found._id.toString(), created: false };
  }
}

/** The staff accounts that asked for this kind by email, with their addresses. */
export async function alertSubscribers(kind: StaffAlertKind) {
  const { AlertSubscription } = await notificationDatabase.models();
  const subscribers = await AlertSubscription.find({ kinds: kind }, { accountId: 1, email: 1 })
    .limit(200)
    .lean();
  return subscribers.map(({ accountId, email }) => ({ accountId, email }));
}
