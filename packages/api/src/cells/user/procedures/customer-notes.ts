import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import type { HandlerArgs, SignedInContext, StaffArgs } from '../../../trpc/context';
import { addNoteAbout, notesAbout } from '../customer-notes';
import type { AddCustomerNoteInput, CustomerNotesInput } from '../inputs';
import type { CustomerNoteView } from '../views';

/** Staff: the notes kept about one customer, newest first (customers:read). */
export async function customerNotes({
  input,
}: HandlerArgs<CustomerNotesInput, SignedInContext>): Promise<{ items: CustomerNoteView[] }> {
  return { items: await notesAbout(new Types.ObjectId(input.accountId)) };
}

/** Staff: adds a note about a customer (customers:write); a retried save stores one note. */
export async function addCustomerNote({
  ctx,
  input,
}: StaffArgs<AddCustomerNoteInput>): Promise<CustomerNoteView> {
  // Who wrote about whom is an audit line; what they wrote may be personal data.
  ctx.logger.info(
    { staffAccountId: ctx.identity.accountId, customerAccountId: input.accountId },
    'customer note added',
  );
  const note = await addNoteAbout(input, ctx.identity);
  // The note's digest, not its text: the text may be personal data and is erased with the
  // account, while the digest still proves what was written.
  ctx.audit.record({
    object: { type: 'customer-note', id: note.id },
    before: null,
    after: {
      customerAccountId: input.accountId,
      characters: note.body.length,
      bodySha256: createHash('sha256').update(note.body).digest('hex'),
    },
  });
  return note;
}
