import { Badge, Card, Notice, SectionHeading } from '@shop/ui';
import type { CellHealth } from '@/server/platform-status';
import { cellDescriptions } from './cell-descriptions';
import { formatUptime } from './format-uptime';

/** One card per cell: up (version, uptime) or down, with a summary line above. */
export function PlatformStatus({ cells }: { cells: CellHealth[] }) {
  const down = cells.filter((cell) => !cell.up);
  return (
    <section aria-labelledby="platform-status">
      <SectionHeading
        id="platform-status"
        title="Platform status"
        description={`${cells.length - down.length} of ${cells.length} services answering`}
      />
      {down.length > 0 ? (
        <Notice
          tone="degraded"
          className="mb-4"
          title={
            down.length === cells.length
              ? 'No service is answering'
              : `${down.length} ${down.length === 1 ? 'service is' : 'services are'} not answering`
          }
        >
          {down.map((cell) => cellDescriptions[cell.domain].name).join(', ')}. Pages that need{' '}
          {down.length === 1 ? 'it' : 'them'} show reduced information until{' '}
          {down.length === 1 ? 'it is' : 'they are'} back.
        </Notice>
      ) : null}
      <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {cells.map((cell) => (
          <li key={cell.domain}>
            <CellStatusCard cell={cell} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function CellStatusCard({ cell }: { cell: CellHealth }) {
  const { name, owns } = cellDescriptions[cell.domain];
  return (
    <Card
      data-testid={`cell-status-${cell.domain}`}
      data-state={cell.up ? 'up' : 'down'}
      className={cell.up ? 'h-full p-4' : 'h-full border-danger/30 p-4'}
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="font-semibold text-ink">{name}</h3>
          <p className="text-xs text-ink-muted">{owns}</p>
        </div>
        {cell.up ? (
          <Badge tone="success" dot>
            Up
          </Badge>
        ) : (
          <Badge tone="danger" dot>
            Down
          </Badge>
        )}
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-2 text-sm">
        {cell.up ? (
          <>
            <div>
              <dt className="text-xs text-ink-subtle">Version</dt>
              <dd className="font-mono text-ink">{cell.status.version}</dd>
            </div>
            <div>
              <dt className="text-xs text-ink-subtle">Uptime</dt>
              <dd className="text-ink tabular-nums">{formatUptime(cell.status.uptimeSeconds)}</dd>
            </div>
          </>
        ) : (
          <div className="col-span-2">
            <dt className="sr-only">State</dt>
            <dd className="text-danger">Not answering</dd>
          </div>
        )}
      </dl>
    </Card>
  );
}
