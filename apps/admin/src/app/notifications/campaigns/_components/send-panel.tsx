'use client';

import { Button, Card, CardBody, CardHeader, Notice, TextField } from '@shop/ui';
import { useState } from 'react';
import {
  controlCampaign,
  countAudience,
  scheduleCampaign,
  sendCampaignTest,
  type AudienceAnswer,
} from '../actions';
import type { AudienceDraft } from './campaign-draft';
import { formatCount } from './audience-fields';
import { ConfirmButton } from './confirm-button';
import { useCampaignAction } from './use-campaign-action';
import { formatInZone } from './zoned-time';

/**
 * Sending a saved draft or scheduled campaign: a test to the signed-in staff member, a schedule
 * in the shop's time zone, or now after a confirmation naming how many it goes to. Everything
 * acts on the saved campaign, so unsaved changes must be saved first.
 */
export function SendPanel({
  campaignId,
  status,
  sendAt,
  sendAtInput,
  timeZone,
  staffEmail,
  lastTestSentAt,
  savedAudience,
  dirty,
}: {
  campaignId: string;
  status: 'draft' | 'scheduled';
  sendAt: string | null;
  /** `sendAt` (or a suggestion) as the datetime-local input holds it, in the shop's zone. */
  sendAtInput: string;
  timeZone: string;
  staffEmail: string;
  lastTestSentAt: string | null;
  savedAudience: AudienceDraft;
  dirty: boolean;
}) {
  const { state, pending, run } = useCampaignAction();
  const [when, setWhen] = useState(sendAtInput);
  const [count, setCount] = useState<AudienceAnswer | null>(null);
  const blocked = dirty || pending;
  const recount = () => {
    setCount(null);
    void countAudience(savedAudience)
      .catch((): AudienceAnswer => ({ ok: false, message: 'The count is not answering.' }))
      .then(setCount);
  };
  const reach = !count
    ? 'the audience (counting…)'
    : count.ok
      ? formatCount(count.count)
      : 'the audience (it could not be counted just now)';

  return (
    <Card>
      <CardHeader
        title="Send"
        description={
          dirty
            ? 'You have unsaved changes: save them first. Tests, schedules and sends use the saved campaign.'
            : 'Tests, schedules and sends use the saved campaign.'
        }
      />
      <CardBody className="flex flex-col gap-5">
        <div aria-live="polite">
          {state.status === 'error' && state.message ? (
            <Notice tone="danger" title={state.message} data-testid="send-error" />
          ) : state.status === 'success' && state.message ? (
            <Notice tone="success" title={state.message} data-testid="send-success" />
          ) : null}
        </div>
        {status === 'scheduled' && sendAt ? (
          <p className="text-sm text-ink" data-testid="scheduled-for">
            Scheduled for <strong>{formatInZone(sendAt, timeZone)}</strong> ({timeZone}).
          </p>
        ) : null}
        <div className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold text-ink">Test</h3>
          <p className="text-sm text-ink-muted">
            Goes to you only, at {staffEmail}, marked as a test.
            {lastTestSentAt ? ` Last test: ${formatInZone(lastTestSentAt, timeZone)}.` : ''}
          </p>
          <div>
            <Button
              variant="secondary"
              disabled={blocked}
              onClick={() => run(() => sendCampaignTest(campaignId))}
            >
              Send a test to me
            </Button>
          </div>
        </div>
        <form
          className="flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            run(() => scheduleCampaign({ id: campaignId, sendAt: when }));
          }}
        >
          <h3 className="text-sm font-semibold text-ink">Schedule</h3>
          <div className="flex flex-wrap items-end gap-2">
            <TextField
              label={`Send at (${timeZone} time)`}
              type="datetime-local"
              value={when}
              error={state.fieldErrors?.sendAt}
              hint={`The shop's time zone is ${timeZone}.`}
              onChange={(event) => setWhen(event.target.value)}
              className="min-w-0 flex-1 sm:max-w-xs"
            />
            <Button type="submit" variant="secondary" disabled={blocked || !when}>
              {status === 'scheduled' ? 'Reschedule' : 'Schedule'}
            </Button>
          </div>
        </form>
        <div className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold text-ink">Send now</h3>
          <div className="flex flex-wrap gap-2">
            <ConfirmButton
              label="Send now"
              disabled={blocked}
              pending={pending}
              confirmDisabled={count === null}
              onOpen={recount}
              question={
                <>
                  Send this campaign now to <strong data-testid="confirm-count">{reach}</strong>? It
                  cannot be unsent; you can pause or cancel it while it is sending.
                </>
              }
              confirmLabel={
                count?.ok ? `Yes, send to ${formatCount(count.count)}` : 'Yes, send now'
              }
              onConfirm={() => run(() => controlCampaign(campaignId, 'sendNow'))}
            />
            {status === 'scheduled' ? (
              <ConfirmButton
                label="Cancel campaign"
                variant="danger"
                disabled={pending}
                question="Cancel this campaign for good? It will not be sent."
                confirmLabel="Yes, cancel it"
                cancelLabel="No, keep it"
                onConfirm={() => run(() => controlCampaign(campaignId, 'cancel'))}
              />
            ) : null}
          </div>
        </div>
      </CardBody>
    </Card>
  );
}
