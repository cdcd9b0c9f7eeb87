'use server';

import type { Route } from 'next';
import { redirect } from 'next/navigation';
import { currentSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';

const alertId = /^[0-9a-f]{24}$/i;
const alertKinds = [
  'low-stock',
  'order-stuck-in-payment',
  'refund-failed',
  'emails-failing',
  'csv-import-finished',
  'csv-import-failed',
] as const;
type AlertKind = (typeof alertKinds)[number];

async function signedIn() {
  const session = await currentSession();
  if (!session) redirect('/sign-in?returnTo=/notifications' as Route);
  return session;
}

/** Marks one alert (`id`) or every alert (`all`) read for the signed-in staff member. */
export async function markAlertsRead(data: FormData): Promise<void> {
  const session = await signedIn();
  const id = String(data.get('id') ?? '');
  const all = data.get('all') === '1';
  let done = 'read';
  try {
    if (all) await cellsAs(session).notification.markAlertsRead.mutate({ all: true });
    else if (alertId.test(id)) {
      await cellsAs(session).notification.markAlertsRead.mutate({ ids: [id] });
    }
  } catch {
    done = 'failed';
  }
  redirect(`/notifications?done=${done}` as Route);
}

/** The alert kinds the signed-in staff member also wants by email. */
export async function saveAlertEmails(data: FormData): Promise<void> {
  const session = await signedIn();
  const kinds = data
    .getAll('kind')
    .filter((kind): kind is AlertKind => alertKinds.includes(kind as AlertKind));
  let done = 'subscribed';
  try {
    await cellsAs(session).notification.setAlertSubscription.mutate({ kinds });
  } catch {
    done = 'failed';
  }
  redirect(`/notifications?done=${done}` as Route);
}
