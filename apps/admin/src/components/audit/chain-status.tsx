import { Badge } from '@shop/ui';
import type { RouterOutputs } from '@shop/api/client';

type Verification = NonNullable<RouterOutputs['product']['auditLog']['verification']>;

export interface CellChainStatus {
  cell: string;
  /** null: the cell did not answer. */
  verification: Verification | null;
}

/** Each cell's chain after a full check: intact (entries, head), broken (the first break), or unknown. */
export function ChainStatusList({ statuses }: { statuses: readonly CellChainStatus[] }) {
  return (
    <ul
      aria-label="Chain verification per service"
      className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3"
    >
      {statuses.map(({ cell, verification }) => (
        <li
          key={cell}
          data-testid="chain-status"
          className="flex flex-col gap-1 rounded-card border border-line bg-surface p-3 text-sm"
        >
          <span className="flex items-center justify-between gap-2">
            <span className="font-medium text-ink">{cell}</span>
            {!verification ? (
              <Badge tone="warning">not checked</Badge>
            ) : verification.ok ? (
              <Badge tone="success">intact</Badge>
            ) : (
              <Badge tone="danger">broken</Badge>
            )}
          </span>
          <span className="break-words text-ink-muted">
            {!verification
              ? 'The service did not answer.'
              : verification.firstBroken
                ? `Entry #${verification.firstBroken.seq} ${verification.firstBroken.kind}: ${verification.firstBroken.detail}`
                : `${verification.entries} entries${verification.head ? `, head #${verification.head.seq} ${verification.head.hash.slice(0, 12)}…` : ''}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
