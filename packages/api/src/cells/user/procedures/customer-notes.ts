import { Types } from 'mongoose';
import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
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
}: HandlerArgs<AddCustomerNoteInput, SignedInContext>): Promise<CustomerNoteView> {
  // Who wrote about whom is an audit line; what they wrote may be personal data.
  ctx.logger.info(
    { staffAccountId: ctx.identity.accountId, customerAccountId: input.accountId },
    'customer note added',
  );
  return addNoteAbout(input, ctx.identity);
}
