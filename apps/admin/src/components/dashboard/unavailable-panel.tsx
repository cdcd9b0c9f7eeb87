import { Notice } from '@shop/ui';
import type { CellFailure } from '@/server/cell-call';

/** A panel whose cell did not answer: the rest of the page still renders. */
export function UnavailablePanel({ what, failure }: { what: string; failure: CellFailure }) {
  return (
    <Notice tone="degraded" title={`${what} cannot be shown right now`}>
      {failure === 'failed'
        ? 'The service refused the request. Reload the page; if it persists, sign in again.'
        : 'The service is not answering. Reload the page in a moment.'}
    </Notice>
  );
}
