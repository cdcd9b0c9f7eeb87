'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { CampaignActionState } from './campaign-errors';

/**
 * Runs one campaign action at a time, keeps its answer for the page to show, and re-renders the
 * page from the server after a success (the status and progress change).
 */
export function useCampaignAction() {
  const router = useRouter();
  const [state, setState] = useState<CampaignActionState>({ status: 'idle' });
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<CampaignActionState>) =>
    startTransition(async () => {
      const next = await action().catch((): CampaignActionState => ({
        status: 'error',
        message: 'That did not go through. Check your connection and try again.',
      }));
      setState(next);
      if (next.status === 'success') router.refresh();
    });
  return { state, pending, run };
}
