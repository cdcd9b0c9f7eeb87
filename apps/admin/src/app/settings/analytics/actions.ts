'use server';

import { TRPCClientError } from '@shop/api/client';
import type { Route } from 'next';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { currentSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';

const settingsForm = z.object({
  consentMode: z.enum(['opt-in', 'opt-out', 'never']),
  rawEventRetentionDays: z.coerce.number().int().min(1).max(3650),
  timeZone: z.string().trim().min(1).max(64),
});

const back = (query: Record<string, string>) =>
  redirect(`/settings/analytics?${new URLSearchParams(query).toString()}` as Route);

/**
 * Saves the analytics settings (analytics:configure; the cell checks it again and audits the
 * change). A plain form post: the page says what happened through `?saved=1` or `?error=`.
 */
export async function saveAnalyticsSettings(data: FormData): Promise<void> {
  const session = await currentSession();
  if (!session) redirect('/sign-in?returnTo=%2Fsettings%2Fanalytics' as Route);
  const parsed = settingsForm.safeParse(Object.fromEntries(data));
  if (!parsed.success) {
    back({ error: 'Retention must be a whole number of days from 1 to 3650.' });
    return;
  }
  try {
    await cellsAs(session).analytics.updateSettings.mutate(parsed.data);
  } catch (error) {
    const status = error instanceof TRPCClientError ? error.data?.httpStatus : undefined;
    back({
      error:
        status === 403
          ? 'Only an administrator can change these settings.'
          : status === 400
            ? 'Check the time zone and the retention.'
            : 'The analytics service did not answer; nothing was saved. Try again.',
    });
    return;
  }
  back({ saved: '1' });
}
