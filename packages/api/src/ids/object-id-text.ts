/**
 * The text form of a MongoDB ObjectId: 24 hexadecimal digits, either case. Every id a cell hands
 * out (accounts, orders, payments, addresses) has this form, so text that does not match names
 * nothing: an input is refused with its own message, an event's id is skipped, and such text
 * never reaches `new Types.ObjectId()` (which throws) or a query.
 */
export const objectIdTextPattern = /^[0-9a-f]{24}$/i;

export function isObjectIdText(value: string): boolean {
  return objectIdTextPattern.test(value);
}
