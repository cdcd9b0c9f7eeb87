import type { RouterOutputs } from '@shop/api/client';
import { Card, CardBody, CardHeader } from '@shop/ui';
import { formatStaffDate } from '@/components/orders/order-labels';
import type { CellResult } from '@/server/cell-call';
import { CustomerNoteForm } from './customer-note-form';

type Notes = RouterOutputs['user']['customerNotes'];

/** Staff's notes about the customer, newest first, and the form to add one (customers:write). */
export function CustomerNotes({
  accountId,
  notes,
  canWrite,
}: {
  accountId: string;
  notes: CellResult<Notes>;
  canWrite: boolean;
}) {
  return (
    <Card>
      <CardHeader title="Notes" description="What staff should know about this customer." />
      <CardBody className="flex flex-col gap-5">
        {!notes.ok ? (
          <p className="text-sm text-ink-muted">
            Notes cannot be shown right now; the user service is not answering.
          </p>
        ) : notes.data.items.length === 0 ? (
          <p className="text-sm text-ink-muted">No notes yet.</p>
        ) : (
          <ol className="flex flex-col gap-4">
            {notes.data.items.map((note) => (
              <li key={note.id} className="border-l-2 border-line-strong pl-3">
                <p className="text-sm whitespace-pre-line text-ink">{note.body}</p>
                <p className="mt-1 text-xs text-ink-muted">
                  {note.author} · {formatStaffDate(note.createdAt)}
                </p>
              </li>
            ))}
          </ol>
        )}
        {canWrite ? <CustomerNoteForm accountId={accountId} /> : null}
      </CardBody>
    </Card>
  );
}
