import { Button, Card, CardBody, Notice, PageHeader } from '@shop/ui';
import type { Metadata } from 'next';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { callCell } from '@/server/cell-call';
import { saveAnalyticsSettings } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Analytics settings' };

const consentChoices = [
  {
    value: 'opt-in',
    label: 'Ask first (opt-in)',
    hint: 'A signed-in shopper’s account is linked to their browsing only after they say yes in the banner.',
  },
  {
    value: 'opt-out',
    label: 'Link unless refused (opt-out)',
    hint: 'The banner tells shoppers and lets them say no.',
  },
  {
    value: 'never',
    label: 'Never link',
    hint: 'Browsing is only ever kept under a random browser id; no banner is shown.',
  },
] as const;

const field = 'rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink';

/**
 * The store's analytics settings (analytics:read to see; analytics:configure, admins, to
 * change). Global Privacy Control is always honoured, whatever the mode.
 */
export default async function AnalyticsSettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePermission('analytics:read', '/settings/analytics');
  const params = await searchParams;
  const settings = await callCell(({ signal }) =>
    cellsAs(session).analytics.settings.query(undefined, { signal }),
  );
  const canWrite = session.permissions.has('analytics:configure');
  const error = typeof params.error === 'string' ? params.error.slice(0, 200) : undefined;
  const zones = Intl.supportedValuesOf('timeZone');

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8">
      <PageHeader
        eyebrow="Back office"
        title="Analytics settings"
        description="What counts as a shopper's consent, how long raw browsing events are kept, and the time zone reports count days in."
      />
      {params.saved === '1' ? <Notice tone="success" title="Settings saved" /> : null}
      {error ? <Notice tone="danger" title={error} /> : null}
      {!settings.ok ? (
        <Notice tone="degraded" title="The analytics settings cannot be shown right now">
          The analytics service is not answering. Reload the page in a moment.
        </Notice>
      ) : (
        <Card>
          <CardBody className="py-6">
            <form action={saveAnalyticsSettings} data-testid="analytics-settings">
              <fieldset disabled={!canWrite} className="flex flex-col gap-6">
                {!canWrite ? (
                  <p className="text-sm text-ink-muted">
                    Only an administrator can change these settings.
                  </p>
                ) : null}
                <fieldset className="flex flex-col gap-3">
                  <legend className="mb-2 text-sm font-semibold text-ink">Consent</legend>
                  {consentChoices.map((choice) => (
                    <label key={choice.value} className="flex gap-3 text-sm">
                      <input
                        type="radio"
                        name="consentMode"
                        value={choice.value}
                        defaultChecked={settings.data.consentMode === choice.value}
                        className="mt-1"
                      />
                      <span>
                        <span className="font-medium text-ink">{choice.label}</span>
                        <span className="block text-ink-muted">{choice.hint}</span>
                      </span>
                    </label>
                  ))}
                  <p className="text-sm text-ink-muted">
                    A browser sending Global Privacy Control is always treated as a no.
                  </p>
                </fieldset>
                <label className="flex flex-col gap-1 text-sm text-ink">
                  Keep raw browsing events for (days)
                  <input
                    type="number"
                    name="rawEventRetentionDays"
                    min={1}
                    max={3650}
                    required
                    defaultValue={settings.data.rawEventRetentionDays}
                    className={`${field} w-32`}
                    aria-describedby="retention-hint"
                  />
                  <span id="retention-hint" className="text-ink-muted">
                    Then deleted; the daily and hourly totals are kept. Abandoned carts reach back
                    only this far.
                  </span>
                </label>
                <label className="flex flex-col gap-1 text-sm text-ink">
                  Store time zone
                  <select
                    name="timeZone"
                    defaultValue={settings.data.timeZone}
                    className={`${field} max-w-full`}
                    aria-describedby="zone-hint"
                  >
                    {zones.map((zone) => (
                      <option key={zone} value={zone}>
                        {zone}
                      </option>
                    ))}
                  </select>
                  <span id="zone-hint" className="text-ink-muted">
                    Changing it rebuilds the days that still have raw events in the new zone.
                  </span>
                </label>
                <div>
                  <Button type="submit" variant="primary">
                    Save settings
                  </Button>
                </div>
              </fieldset>
            </form>
          </CardBody>
        </Card>
      )}
    </div>
  );
}
