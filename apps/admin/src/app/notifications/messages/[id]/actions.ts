'use server';

import type { Route } from 'next';
import { redirect } from 'next/navigation';
import { currentSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';

const messageId = /^[0-9a-f]{24}$/i;

/**
 * "Resend" on a failed message. The cell sends it once however often this runs (a double click,
 * two staff at once); the page then says what happened.
 */
export async function resendMessage(data: FormData): Promise<void> {
  const id = String(data.get('id') ?? '');
  if (!messageId.test(id)) redirect('/notifications/messages' as Route);
  const page = `/notifications/messages/${id}`;
  const session = await currentSession();
  if (!session) redirect(`/sign-in?returnTo=${encodeURIComponent(page)}` as Route);
  let done = 'failed';
  try {
    const outcome = await cellsAs(session).notification.resendMessage.mutate({ id });
    done = outcome.requested ? 'resent' : `already-${outcome.status}`;
  } catch {
    done = 'failed';
  }
  redirect(`${page}?done=${done}` as Route);
}
