import { Notice } from '@shop/ui';

/** Shown in place of a section whose cell did not answer: the rest of the page still works. */
export function UnavailableSection({ what }: { what: string }) {
  return (
    <Notice tone="degraded" title={`Your ${what} cannot be shown right now`}>
      The service that keeps them is not answering. Reload the page in a moment.
    </Notice>
  );
}
