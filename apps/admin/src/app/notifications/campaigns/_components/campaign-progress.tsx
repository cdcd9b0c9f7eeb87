import { Badge, Notice } from '@shop/ui';
import { campaignStatusLabels, type CampaignView } from './campaign-status';
import { formatInZone } from './zoned-time';

const number = new Intl.NumberFormat('en-GB');

/**
 * Where a campaign's sending stands: sent of the audience as a bar and in numbers, failed,
 * skipped (consent withdrawn or suppressed meanwhile), bounced and complaints, and when it
 * started, paused and finished.
 */
export function CampaignProgress({
  campaign,
  timeZone,
}: {
  campaign: CampaignView;
  timeZone: string;
}) {
  const { counts } = campaign;
  const done = counts.sent + counts.failed + counts.skipped;
  const total = counts.audience;
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  const status = campaignStatusLabels[campaign.status];
  const figures: [string, number, string][] = [
    ['Sent', counts.sent, 'progress-sent'],
    ['Failed', counts.failed, 'progress-failed'],
    ['Skipped', counts.skipped, 'progress-skipped'],
    ['Bounced', counts.bounced, 'progress-bounced'],
    ['Complaints', counts.complained, 'progress-complained'],
  ];
  const times: [string, string | null][] = [
    ['Started', campaign.startedAt],
    ['Paused', campaign.status === 'paused' ? campaign.pausedAt : null],
    ['Finished', campaign.finishedAt],
    ['Cancelled', campaign.cancelledAt],
  ];
  return (
    <section aria-labelledby="progress-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="progress-heading" className="text-lg font-semibold text-ink">
          Progress
        </h2>
        <span role="status" data-testid="campaign-status">
          <Badge tone={status.tone}>{status.label}</Badge>
        </span>
      </div>
      {campaign.lastError && campaign.status === 'paused' ? (
        <Notice tone="warning" title="Sending paused by itself" data-testid="campaign-last-error">
          {campaign.lastError} Resume to try again.
        </Notice>
      ) : null}
      <div className="flex flex-col gap-2">
        <p className="text-sm text-ink" data-testid="progress-summary">
          <span className="text-2xl font-semibold">{number.format(counts.sent)}</span> sent of{' '}
          {number.format(total)}
          {total > 0 ? ` (${percent} % dealt with)` : ''}
        </p>
        <div
          role="progressbar"
          aria-label="Recipients dealt with"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={done}
          className="h-3 w-full overflow-hidden rounded-full bg-surface-sunken"
        >
          <div className="h-full bg-accent-600" style={{ width: `${percent}%` }} />
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {figures.map(([label, value, testId]) => (
          <div key={label} className="rounded-control border border-line bg-surface p-3">
            <dt className="text-xs text-ink-muted">{label}</dt>
            <dd className="text-lg font-semibold text-ink" data-testid={testId}>
              {number.format(value)}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-ink-muted">
        Skipped: unsubscribed or suppressed after the audience was built. Bounces and complaints
        arrive from the mail provider later and suppress the address for marketing.
      </p>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {times
          .filter((entry): entry is [string, string] => entry[1] !== null)
          .map(([label, at]) => (
            <div key={label} className="flex gap-1">
              <dt className="text-ink-muted">{label}:</dt>
              <dd className="text-ink">
                {formatInZone(at, timeZone)} ({timeZone})
              </dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
