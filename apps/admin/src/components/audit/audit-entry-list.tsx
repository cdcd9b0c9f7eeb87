import { Badge } from '@shop/ui';
import { AuditDiff } from './audit-diff';
import type { AuditEntry } from './merge-audit-pages';

const when = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
});

/** Staff changes, newest first: who did what to which object, with the change behind a toggle. */
export function AuditEntryList({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <ol className="flex flex-col gap-3" aria-label="Audit entries, newest first">
      {entries.map((entry) => (
        <li
          key={`${entry.cell}-${entry.seq}`}
          data-testid="audit-entry"
          className="rounded-card border border-line bg-surface p-4 shadow-card"
        >
          <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
            <p className="min-w-0 break-words font-medium text-ink">
              <span className="font-mono text-sm">{entry.procedure}</span>{' '}
              <span className="text-ink-muted">
                on {entry.object.type}
                {entry.object.ids.length > 0 ? ` ${entry.object.ids.slice(0, 3).join(', ')}` : ''}
                {entry.object.ids.length > 3 ? ` and ${entry.object.ids.length - 3} more` : ''}
              </span>
            </p>
            <time dateTime={entry.at} className="whitespace-nowrap text-sm text-ink-muted">
              {when.format(new Date(entry.at))} UTC
            </time>
          </div>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-ink-muted">
            <span className="break-all text-ink">{entry.actor.email ?? entry.actor.accountId}</span>
            {entry.roles.map((role) => (
              <Badge key={role} tone="info">
                {role}
              </Badge>
            ))}
            <span>from {entry.clientAddress ?? 'an unknown address'}</span>
          </p>
          <details className="mt-2 group">
            <summary className="cursor-pointer text-sm font-medium text-accent-700 underline-offset-4 hover:underline">
              Show the change
            </summary>
            <div className="mt-3 flex flex-col gap-3">
              <AuditDiff entry={entry} />
              <dl className="grid gap-x-4 gap-y-1 text-xs text-ink-muted sm:grid-cols-[8rem_1fr]">
                <dt>Cell, entry</dt>
                <dd>
                  {entry.cell} #{entry.seq}
                </dd>
                <dt>Request id</dt>
                <dd className="break-all font-mono">{entry.requestId ?? '—'}</dd>
                <dt>Account id</dt>
                <dd className="break-all font-mono">{entry.actor.accountId}</dd>
                <dt>Entry hash</dt>
                <dd className="break-all font-mono">{entry.hash}</dd>
              </dl>
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}
