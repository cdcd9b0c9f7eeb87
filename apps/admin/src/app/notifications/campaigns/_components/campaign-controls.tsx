'use client';

import { Button, Notice } from '@shop/ui';
import { controlCampaign } from '../actions';
import { ConfirmButton } from './confirm-button';
import type { CampaignStatus } from './campaign-status';
import { useCampaignAction } from './use-campaign-action';

/** Pause, resume and cancel for a campaign that is sending or paused (the only states with them). */
export function CampaignControls({
  campaignId,
  status,
}: {
  campaignId: string;
  status: CampaignStatus;
}) {
  const { state, pending, run } = useCampaignAction();
  if (status !== 'sending' && status !== 'paused') return null;
  return (
    <div className="flex flex-col gap-3">
      <div aria-live="polite">
        {state.status === 'error' && state.message ? (
          <Notice tone="danger" title={state.message} data-testid="control-error" />
        ) : state.status === 'success' && state.message ? (
          <Notice tone="success" title={state.message} data-testid="control-success" />
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        {status === 'sending' ? (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => run(() => controlCampaign(campaignId, 'pause'))}
          >
            Pause
          </Button>
        ) : (
          <Button
            disabled={pending}
            onClick={() => run(() => controlCampaign(campaignId, 'resume'))}
          >
            Resume
          </Button>
        )}
        <ConfirmButton
          label="Cancel campaign"
          variant="danger"
          pending={pending}
          question="Stop this campaign for good? Those not reached yet will not get it; it cannot be resumed."
          confirmLabel="Yes, cancel it"
          cancelLabel="No, keep it"
          onConfirm={() => run(() => controlCampaign(campaignId, 'cancel'))}
        />
      </div>
    </div>
  );
}
